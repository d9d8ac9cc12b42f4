package io.ctlmux.config.lint;

import io.ctlmux.config.resolved.ResolvedConfig;

/**
 * One destination resolved for one target as {@code ssh -G} would (without running {@code Match exec}).
 *
 * @param target      the OpenSSH release
 * @param destination the name resolved: a concrete Host alias, or a representative of a wildcard block
 * @param pattern     the Host pattern it stands for (equal to {@code destination} for concrete aliases)
 * @param result      the resolution, or null when OpenSSH would fail even after the rejected lines were masked
 * @param masked      true when {@code result} was obtained with the lines OpenSSH rejects masked out
 * @param execChanges the {@code ssh -G} keywords whose value differs when every {@code Match exec} succeeds
 *                    instead of failing (empty when there is no Match exec or nothing changes; "(fails)" when
 *                    the resolution fails in that case)
 */
public record DestinationRun(Target target, String destination, String pattern, ResolvedConfig result,
        boolean masked, java.util.List<String> execChanges) {
    public DestinationRun {
        execChanges = java.util.List.copyOf(execChanges);
    }

    public DestinationRun(Target target, String destination, String pattern, ResolvedConfig result,
            boolean masked) {
        this(target, destination, pattern, result, masked, java.util.List.of());
    }

    /** True when the destination stands for a wildcard block rather than a concrete alias. */
    public boolean wildcard() {
        return !destination.equals(pattern);
    }
}
