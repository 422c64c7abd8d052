package org.tongke.config.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens built by hand, independently of the code under test, to forge and bend them. */
final class RawTokens {
    static final byte[] SECRET = "a-test-secret-of-more-than-32-bytes-for-hs256".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OTHER_SECRET = "another-secret-also-long-enough-for-hs256!!".getBytes(StandardCharsets.US_ASCII);
    static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private RawTokens() {
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String unb64(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    static String hmac(String algorithm, byte[] secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correctly signed HS256 token with any claims. */
    static String signed(String claimsJson) {
        return signed(HEADER, claimsJson);
    }

    static String signed(String headerJson, String claimsJson) {
        String input = b64(headerJson) + "." + b64(claimsJson);
        return input + "." + hmac("HmacSHA256", SECRET, input);
    }

    /** Claims as ours would be, valid from {@code iat} for an hour, with a field replaced. */
    static String claims(long iat, String role, String scope) {
        return "{\"iss\":\"tongke\",\"sub\":\"he-yonghui\",\"role\":" + role + ",\"scope\":" + scope
                + ",\"iat\":" + iat + ",\"exp\":" + (iat + 3600) + ",\"jti\":\"j-1\"}";
    }

    static String claims(long iat) {
        return claims(iat, "\"lead-teacher\"", "{\"type\":\"lesson\",\"id\":\"qt-01-sync-rengong-fenxiao#1\"}");
    }
}
