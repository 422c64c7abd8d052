package org.tongke.signaling.bridge;

import java.util.Objects;

/**
 * One ICE candidate as Colibri2 (and Jingle) spell it; {@code relAddr}/{@code relPort} only for
 * reflexive and relayed candidates (else null and 0).
 */
public record IceCandidate(String foundation, int component, String protocol, long priority, String ip, int port,
                           String type, String relAddr, int relPort, int generation) {
    public IceCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(type, "type");
        if (port < 0 || port > 65_535 || relPort < 0 || relPort > 65_535) {
            throw new IllegalArgumentException("candidate port out of range: " + port + "/" + relPort);
        }
    }
}
