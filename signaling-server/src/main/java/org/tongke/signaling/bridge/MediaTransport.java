package org.tongke.signaling.bridge;

import java.util.List;
import java.util.Objects;

/**
 * The ICE and DTLS parameters of one side of a console's connection to the bridge: the bridge's
 * (from an allocation, with the URL of its bridge channel in {@code webSockets}) or the
 * console's (from its answer, given back to the bridge).
 */
public record MediaTransport(String ufrag, String pwd, List<Fingerprint> fingerprints, List<IceCandidate> candidates,
                             List<String> webSockets) {
    public MediaTransport {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(pwd, "pwd");
        fingerprints = List.copyOf(fingerprints);
        candidates = List.copyOf(candidates);
        webSockets = List.copyOf(webSockets);
        if (ufrag.isBlank() || pwd.isBlank()) {
            throw new IllegalArgumentException("ICE ufrag and pwd must not be empty");
        }
    }
}
