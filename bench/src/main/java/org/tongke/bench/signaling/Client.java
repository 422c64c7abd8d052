package org.tongke.bench.signaling;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import java.util.concurrent.CompletableFuture;

/**
 * One generator connection: sends text, waits for one reply of a type during setup, and hands
 * every other frame to the scenario's {@link Frames}. Runs on its channel's event loop.
 */
final class Client extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    /** What a scenario does with a frame it did not wait for; called on the event loop. */
    interface Frames {
        void received(Client client, ByteBuf frame);
    }

    private final int index;
    private final Frames frames;
    private final CompletableFuture<Client> open = new CompletableFuture<>();
    private volatile String awaitedType;
    private volatile CompletableFuture<Void> awaited;
    private volatile boolean closing;
    private Channel channel;

    Client(int index, Frames frames) {
        this.index = index;
        this.frames = frames;
    }

    int index() {
        return index;
    }

    Channel channel() {
        return channel;
    }

    /** Completes once the WebSocket handshake is done. */
    CompletableFuture<Client> opened() {
        return open;
    }

    /** True when the server (or the network) closed it, not {@link #close()}. */
    boolean lost() {
        return !closing && !channel.isActive();
    }

    void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text), channel.voidPromise());
    }

    /** Sends and completes on the next frame of {@code replyType}; an error frame fails it. */
    CompletableFuture<Void> request(String text, String replyType) {
        CompletableFuture<Void> reply = new CompletableFuture<>();
        awaitedType = replyType;
        awaited = reply;
        send(text);
        return reply;
    }

    /** Closes with 1000, so a signaling session ends at once instead of waiting to be resumed. */
    CompletableFuture<Void> close() {
        closing = true;
        CompletableFuture<Void> closed = new CompletableFuture<>();
        if (channel == null || !channel.isActive()) {
            closed.complete(null);
            return closed;
        }
        channel.closeFuture().addListener(f -> closed.complete(null));
        channel.writeAndFlush(new CloseWebSocketFrame(1000, "bench done"));
        return closed;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        channel.closeFuture().addListener(f -> {
            open.completeExceptionally(new IllegalStateException("connection " + index
                    + " closed before its handshake"));
            CompletableFuture<Void> pending = awaited;
            if (pending != null) {
                pending.completeExceptionally(new IllegalStateException("connection " + index + " closed"));
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            open.complete(this);
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            open.completeExceptionally(new IllegalStateException("connection " + index + ": handshake timed out"));
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        CompletableFuture<Void> pending = awaited;
        if (pending != null) {
            String type = FramePeek.string(frame.content(), "type");
            if (awaitedType.equals(type)) {
                awaited = null;
                pending.complete(null);
                return;
            }
            if ("error".equals(type)) {
                awaited = null;
                pending.completeExceptionally(new IllegalStateException("connection " + index + " refused: "
                        + frame.text()));
                return;
            }
        }
        frames.received(this, frame.content());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        open.completeExceptionally(cause);
        ctx.close();
    }
}
