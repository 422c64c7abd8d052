package org.tongke.config.diagnostic;

import java.util.Objects;

/** One thing wrong with a configuration, said where it is and in plain words. */
public record Problem(Severity severity, Location location, String message) {
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code schools/renzhuang.yaml:14 bellSchedule.monday[2].end: period ends (08:30) before it starts (08:40)}. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
