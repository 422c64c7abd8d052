package org.tongke.signaling.bridge;

import java.util.Objects;

/**
 * The payload of the {@code bridge-channel} signal from {@link BridgeFocus#BRIDGE} to one console:
 * where its bridge channel is (the colibri WebSocket URL of its endpoint, from the allocation), and
 * the receiver constraints it should send over it. Sent when the console's endpoint is allocated
 * and again whenever either changes (failover, ICE restart, floor, spotlight, membership).
 *
 * @param url         {@code wss://host/colibri-ws/<bridge>/<conference>/<endpoint>?pwd=<ice-pwd>},
 *                    or null when the bridge offered no WebSocket
 * @param constraints the {@code ReceiverVideoConstraints} message to send as it is
 */
public record BridgeChannel(String url, ReceiverConstraints constraints) {
    /** The {@code kind} of the signal that carries it. */
    public static final String KIND = "bridge-channel";

    public BridgeChannel {
        Objects.requireNonNull(constraints, "constraints");
    }
}
