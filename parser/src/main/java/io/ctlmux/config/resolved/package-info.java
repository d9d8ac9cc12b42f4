/**
 * The seam between evaluation and every consumer: {@link io.ctlmux.config.resolved.ResolvedConfig}, the immutable,
 * typed result of resolving one destination (each value with its {@link io.ctlmux.config.resolved.Provenance}),
 * and the {@link io.ctlmux.config.resolved.Diagnostic} records of the messages OpenSSH prints while reading the
 * configuration. {@link io.ctlmux.config.resolved.ResolvedOptions} holds the {@code ssh -G} lines rendered from a
 * ResolvedConfig.
 *
 * <p>The evaluator ({@code io.ctlmux.config.eval}) produces these types; the renderer, lint, the CLI and the
 * masters read only them. This package depends on {@code keyword} (value types), {@code syntax} (the files read)
 * and {@code text}; never on {@code eval}, {@code render}, {@code lint} or {@code load}.
 */
package io.ctlmux.config.resolved;
