package org.tongke.signaling.bridge;

import java.util.Objects;

/** A DTLS certificate fingerprint: {@code hash} ({@code sha-256}), the value, and the DTLS role offered. */
public record Fingerprint(String hash, String value, String setup) {
    public Fingerprint {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(setup, "setup");
    }
}
