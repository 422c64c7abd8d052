package org.tongke.config.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** The JSON of a token's header and claims, both ways. */
final class ClaimsJson {
    static final String ISSUER = "tongke";
    /** 9999-12-31T23:59:59Z: later is no date a token means, and Instant must not overflow. */
    private static final long MAX_SECONDS = 253_402_300_799L;
    // Duplicate names are refused so that a claim cannot mean one thing to us and another to
    // a second parser (which one wins is not specified); trailing bytes likewise.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ClaimsJson() {
    }

    static byte[] header() {
        ObjectNode header = JSON.createObjectNode().put("alg", Hs256.ALGORITHM).put("typ", "JWT");
        return bytes(header);
    }

    static byte[] claims(Identity identity) {
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("sub", identity.subject())
                .put("role", identity.role().word());
        claims.putObject("scope").put("type", identity.scope().type().word()).put("id", identity.scope().id());
        return bytes(claims.put("iat", identity.issuedAt().getEpochSecond())
                .put("exp", identity.expiresAt().getEpochSecond())
                .put("jti", identity.tokenId()));
    }

    /** A decoded segment as a JSON object, or {@link TokenProblem#MALFORMED}. */
    static JsonNode object(byte[] json, String what) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // Jackson's message quotes the input; the reply below says enough.
        }
        throw malformed("token " + what + " is not a JSON object");
    }

    static Identity identity(JsonNode claims) {
        String issuer = text(claims, "iss");
        if (!ISSUER.equals(issuer)) {
            throw malformed("token issuer " + TokenRejected.quote(issuer) + " is not " + ISSUER);
        }
        return new Identity(text(claims, "sub"), role(claims.get("role")), scope(claims.get("scope")),
                seconds(claims, "iat"), seconds(claims, "exp"), text(claims, "jti"));
    }

    /** The optional {@code nbf} claim; we never mint it but honour it (RFC 7519, 4.1.5). */
    static Optional<Instant> notBefore(JsonNode claims) {
        return claims.has("nbf") ? Optional.of(seconds(claims, "nbf")) : Optional.empty();
    }

    private static Role role(JsonNode role) {
        if (role == null || !role.isTextual()) {
            throw new TokenRejected(TokenProblem.UNKNOWN_ROLE, "token names no role");
        }
        return Role.fromWord(role.asText());
    }

    private static Scope scope(JsonNode scope) {
        if (scope == null || !scope.path("type").isTextual() || !scope.path("id").isTextual()) {
            throw new TokenRejected(TokenProblem.BAD_SCOPE, "token scope is not an object with a type and an id");
        }
        return new Scope(Scope.Type.fromWord(scope.get("type").asText()), scope.get("id").asText());
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || !value.isTextual()) {
            throw malformed("token has no " + name + " claim (text)");
        }
        return value.asText();
    }

    private static Instant seconds(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
                || value.asLong() < 0 || value.asLong() > MAX_SECONDS) {
            throw malformed("token has no " + name + " claim (whole seconds since 1970)");
        }
        return Instant.ofEpochSecond(value.asLong());
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static TokenRejected malformed(String message) {
        return new TokenRejected(TokenProblem.MALFORMED, message);
    }
}
