/**
 * The Netty server. {@link org.tongke.signaling.server.SignalingInitializer} wires one flat
 * pipeline per connection:
 * <pre>
 * [SslHandler] -> HttpServerCodec -> HttpObjectAggregator(MAX_HTTP_CONTENT) -> HttpEndpoints (/health, /metrics, /console)
 *   -> WebSocketServerProtocolHandler("/ws", MAX_FRAME_BYTES) -> IdleStateHandler(2 heartbeats)
 *   -> FrameCodec (JSON text frames to records) -> RateLimitHandler (token bucket)
 *   -> SlowConsumerHandler (writability bound) -> SessionHandler (hands each message to SignalingService)
 * </pre>
 * Handlers are thin; what they decide is in plain classes ({@link org.tongke.signaling.server.TokenBucket},
 * {@link org.tongke.signaling.service.SignalingService}). Everything runs on the event loops and
 * nothing blocks there.
 */
package org.tongke.signaling.server;
