package org.tongke.recorder.resource;

/**
 * How big an uploaded resource may be. A lesson's slides with pictures run to tens of MiB;
 * videos do not belong here (they come through the recording classrooms).
 */
public record ResourceLimits(long maxBytes) {
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    public static final ResourceLimits DEFAULTS = new ResourceLimits(DEFAULT_MAX_BYTES);

    public ResourceLimits {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("resource size limit " + maxBytes + " is not positive");
        }
    }

    /** {@code 50 MiB}, {@code 300 KiB} or {@code 12 bytes}. */
    public static String describe(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
