package org.tongke.config.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over a JWT's signing input, and the unpadded base64url encoding JWTs use. */
final class Hs256 {
    static final String ALGORITHM = "HS256";
    private static final String MAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    Hs256(byte[] secret) {
        // Checked here too, not only when reading the file: a short HMAC key can be guessed offline.
        if (secret.length < Secrets.MIN_BYTES) {
            throw new IllegalArgumentException("signing secret has " + secret.length + " bytes; it needs at least "
                    + Secrets.MIN_BYTES);
        }
        this.key = new SecretKeySpec(secret, MAC);
    }

    /** The encoded signature of {@code header.payload}. */
    String sign(String signingInput) {
        try {
            // A Mac is not thread-safe; a new one per token is cheap next to a WebSocket handshake.
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /**
     * Compares encoded forms in constant time, so timing reveals nothing of the right signature,
     * and a second spelling of the same bytes is refused too.
     */
    boolean matches(String signingInput, String signature) {
        return MessageDigest.isEqual(sign(signingInput).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Decodes one segment; throws {@link IllegalArgumentException} when it is not base64url. */
    static byte[] decode(String segment) {
        return DECODER.decode(segment);
    }
}
