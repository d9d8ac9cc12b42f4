/**
 * ssh's command line: {@link io.ctlmux.config.args.SshCommandLine} splits the words after {@code ssh} once, the
 * way ssh.c's getopt loop does, into typed options, the destination and the command; {@link
 * io.ctlmux.config.args.OptionLetters} is the one table of ssh's option letters, per release. Every part of ctlmux
 * that reads an ssh command line (the resolver, the CLI, {@code check}'s fast path, the process table) uses these.
 *
 * <p>Depends only on {@code io.ctlmux.config.keyword} (for {@code Dialect}) and the JDK. Loaded on {@code check}'s
 * start-up path: no reflection, lambdas or regular expressions here.
 */
package io.ctlmux.config.args;
