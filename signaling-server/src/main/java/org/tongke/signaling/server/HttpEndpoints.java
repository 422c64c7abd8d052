package org.tongke.signaling.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import org.tongke.signaling.service.SignalingService;
import org.tongke.signaling.web.StaticResources;

/**
 * {@code GET /health} (with the plan the timetable follows, when it has one), {@code GET /metrics} and the console page ({@code /console}); {@code /ws} goes on
 * to the WebSocket handshake.
 */
final class HttpEndpoints extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String WEBSOCKET_PATH = "/ws";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignalingService service;
    private final StaticResources console;

    HttpEndpoints(SignalingService service, StaticResources console) {
        this.service = service;
        this.console = console;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.equals(WEBSOCKET_PATH)) {
            ctx.fireChannelRead(request.retain());
        } else if (!HttpMethod.GET.equals(request.method())) {
            respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "GET only\n");
        } else if (path.equals("/health")) {
            SignalingService.Health h = service.health();
            String node = service.nodeHealth().map(n -> String.format(",\"node\":\"%s\",\"redis\":%b", n.node(),
                    n.redis())).orElse("");
            String plan = service.planStatus().map(p -> ",\"plan\":" + json(p.toMap())).orElse("");
            respond(ctx, request, HttpResponseStatus.OK, "application/json", String.format(
                    "{\"status\":\"%s\",\"connections\":%d,\"rooms\":%d%s%s}", h.status(), h.connections(),
                    h.rooms(), node, plan));
        } else if (path.equals("/metrics")) {
            respond(ctx, request, HttpResponseStatus.OK, "text/plain; version=0.0.4; charset=utf-8",
                    service.metrics().prometheus());
        } else if (console.find(path).isPresent()) {
            respond(ctx, request, page(console.find(path).get()));
        } else {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND, "text/plain",
                    "not found; try /console, /health, /metrics or a WebSocket on /ws\n");
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("health not written as JSON", e);
        }
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            String type, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        respond(ctx, request, response);
    }

    /** The console's URL carries a token until the page removes it: never sent on as a referrer. */
    private static FullHttpResponse page(StaticResources.Resource file) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(file.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, file.contentType())
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set("Referrer-Policy", "no-referrer")
                .set("X-Content-Type-Options", "nosniff")
                .set("Content-Security-Policy", "default-src 'self'; connect-src 'self'; img-src 'self' data:");
        return response;
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
