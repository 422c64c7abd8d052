package org.tongke.scheduler.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.tongke.config.export.DomainJson;

/** Reading request bodies and writing answers in the domain's one JSON form. */
final class Json {
    static final ObjectMapper MAPPER = DomainJson.mapper();
    /** A request body past this is a mistake; the body handler refuses it before it is read. */
    static final long MAX_BODY_BYTES = 64 * 1024;

    private Json() {
    }

    static <T> T body(RoutingContext ctx, Class<T> type) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("the request needs a JSON body");
        }
        try {
            T value = MAPPER.readValue(body.getBytes(), type);
            if (value == null) {
                throw ApiException.badRequest("the request body is empty JSON");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON for this request: " + e.getOriginalMessage());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw ApiException.badRequest("the body is not valid JSON for this request: " + e.getMessage());
        }
    }

    static void send(RoutingContext ctx, int status, Object value) {
        try {
            ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(MAPPER.writeValueAsBytes(value)));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
