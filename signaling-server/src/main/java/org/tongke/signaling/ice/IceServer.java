package org.tongke.signaling.ice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code welcome}'s {@code iceServers}, shaped as WebRTC's {@code RTCIceServer}.
 *
 * @param username   for TURN: {@code <expiry unix seconds>:<subject>}; absent for STUN
 * @param credential for TURN: base64(HMAC-SHA1(secret, username)); absent for STUN
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServer(List<String> urls, String username, String credential) {
    public IceServer {
        urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
    }
}
