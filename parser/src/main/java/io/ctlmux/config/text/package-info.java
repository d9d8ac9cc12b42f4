/**
 * Text as OpenSSH sees it: bytes. {@link io.ctlmux.config.text.ByteText} owns every conversion between the outside
 * (files, arguments, environment, paths, sockets, output, JSON) and the byte strings used inside (a String with one
 * char per byte); {@link io.ctlmux.config.text.SourceText} is one file's bytes, {@link io.ctlmux.config.text.Span}
 * a place in it, {@link io.ctlmux.config.text.Ascii} and {@link io.ctlmux.config.text.Vis} are ssh's byte-wise case
 * mapping and log encoding, {@link io.ctlmux.config.text.Diagnostic} and {@link io.ctlmux.config.text.Severity} a
 * message about a place. Depends on the JDK only; every other package may use it.
 */
package io.ctlmux.config.text;
