/**
 * The wire protocol between clients and the signaling server: JSON text frames, every message
 * {@code {"v": 1, "type": ..., ...}}, as records ({@link org.tongke.signaling.protocol.ClientMessage},
 * {@link org.tongke.signaling.protocol.ServerMessage}) encoded by one codec,
 * {@link org.tongke.signaling.protocol.MessageCodec}. Documented message by message in
 * {@code docs/protocol.md}. No Netty types here: the edge agent and the benchmark reuse it.
 */
package org.tongke.signaling.protocol;
