package org.tongke.signaling.server;

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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.tongke.config.auth.Identity;
import org.tongke.config.auth.Role;
import org.tongke.config.auth.TokenRejected;
import org.tongke.signaling.agent.ClassroomsJson;
import org.tongke.signaling.service.SignalingService;

/**
 * The staff view of the recording classrooms: {@code GET /api/classrooms} (a staff token as
 * {@code Authorization: Bearer}) and the page {@code /classrooms} that polls it. Every other
 * request goes on down the pipeline.
 */
final class ClassroomEndpoints extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClassroomEndpoints.class);
    static final String API = "/api/classrooms";
    static final String PAGE = "/classrooms";
    private static final String RESOURCES = "/org/tongke/signaling/web/classrooms/";
    /** The page's files: path under {@link #PAGE} to resource name and content type. */
    private static final Map<String, String[]> FILES = Map.of(
            "", new String[] {"index.html", "text/html; charset=utf-8"},
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/classrooms.js", new String[] {"classrooms.js", "text/javascript; charset=utf-8"},
            "/classrooms.css", new String[] {"classrooms.css", "text/css; charset=utf-8"});

    private final SignalingService service;
    private final Clock clock;

    ClassroomEndpoints(SignalingService service, Clock clock) {
        super(false);
        this.service = service;
        this.clock = clock;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        boolean page = path.equals(PAGE) || path.startsWith(PAGE + "/");
        if (!path.equals(API) && !page) {
            ctx.fireChannelRead(request);
            return;
        }
        try {
            if (!HttpMethod.GET.equals(request.method())) {
                respond(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", bytes("GET only\n"));
            } else if (page) {
                file(ctx, request, path.substring(PAGE.length()));
            } else {
                api(ctx, request);
            }
        } finally {
            request.release();
        }
    }

    private void api(ChannelHandlerContext ctx, FullHttpRequest request) {
        String auth = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (auth == null || !auth.startsWith("Bearer ")) {
            error(ctx, request, HttpResponseStatus.UNAUTHORIZED, "unauthorized", "send a staff token as Authorization: Bearer");
            return;
        }
        Identity identity;
        try {
            identity = service.tokens().verify(auth.substring("Bearer ".length()).trim());
        } catch (TokenRejected e) {
            error(ctx, request, HttpResponseStatus.UNAUTHORIZED, "TOKEN_" + e.problem().name(), e.getMessage());
            return;
        }
        if (identity.role() != Role.STAFF) {
            error(ctx, request, HttpResponseStatus.FORBIDDEN, "forbidden", "only staff see the classrooms");
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        // With --redis the other nodes' agents come from Redis: the answer is written when it has them.
        service.agents().everywhere(identity).whenComplete((classrooms, failure) -> {
            if (failure != null) {
                LOG.warn("Classrooms of other nodes not read from Redis: {}", failure.getMessage());
                respond(ctx, keepAlive, HttpResponseStatus.SERVICE_UNAVAILABLE, "application/json",
                        bytes(ClassroomsJson.error("redis", "Redis failed: " + failure.getMessage())));
            } else {
                respond(ctx, keepAlive, HttpResponseStatus.OK, "application/json",
                        bytes(ClassroomsJson.write(classrooms, clock.instant())));
            }
        });
    }

    private void file(ChannelHandlerContext ctx, FullHttpRequest request, String rest) {
        String[] file = FILES.get(rest);
        if (file == null) {
            respond(ctx, request, HttpResponseStatus.NOT_FOUND, "text/plain", bytes("not found\n"));
            return;
        }
        try (InputStream in = ClassroomEndpoints.class.getResourceAsStream(RESOURCES + file[0])) {
            if (in == null) {
                throw new IOException("resource " + RESOURCES + file[0] + " is missing");
            }
            respond(ctx, request, HttpResponseStatus.OK, file[1], in.readAllBytes());
        } catch (IOException e) {
            respond(ctx, request, HttpResponseStatus.INTERNAL_SERVER_ERROR, "text/plain", bytes(e.getMessage()));
        }
    }

    private static void error(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String code,
            String message) {
        String body = ClassroomsJson.error(code, message);
        respond(ctx, request, status, "application/json", bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            String type, byte[] body) {
        respond(ctx, HttpUtil.isKeepAlive(request), status, type, body);
    }

    /** Thread-safe: Netty writes from another thread on the channel's event loop. */
    private static void respond(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String type,
            byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        HttpUtil.setContentLength(response, body.length);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
