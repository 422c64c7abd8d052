package org.tongke.signaling.ice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * coturn's time-limited TURN credentials ({@code use-auth-secret}): the username is
 * {@code <expiry unix seconds>:<subject>}, the password base64(HMAC-SHA1(secret, username)).
 * coturn takes the digits before the first ':' as the expiry, so a subject may contain ':'.
 */
public final class TurnCredentials {
    private static final String MAC = "HmacSHA1";

    private TurnCredentials() {
    }

    public static String username(Instant expiry, String subject) {
        return expiry.getEpochSecond() + ":" + subject;
    }

    public static String credential(byte[] secret, String username) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(secret, MAC));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
        }
    }
}
