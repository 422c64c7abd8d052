package org.tongke.signaling.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class IceConfigTest {
    static final byte[] SECRET = "coturn-static-auth-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2021-09-06T01:00:00Z");

    /** What coturn computes for use-auth-secret, written out independently of the code under test. */
    static String expectedCredential(byte[] secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret, "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void turnCredentialIsHmacSha1OfExpiryAndSubjectUnderTheSharedSecret() throws Exception {
        IceConfig ice = new IceConfig(List.of("stun:stun.example.org:3478"),
                List.of("turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"), SECRET,
                Duration.ofHours(12));

        List<IceServer> servers = ice.servers("classroom:wuzhong/lubo", NOW);

        assertThat(servers).hasSize(2);
        assertThat(servers.get(0)).isEqualTo(new IceServer(List.of("stun:stun.example.org:3478"), null, null));
        IceServer turn = servers.get(1);
        long expiry = NOW.plus(Duration.ofHours(12)).getEpochSecond();
        assertThat(turn.urls()).hasSize(2);
        assertThat(turn.username()).isEqualTo(expiry + ":classroom:wuzhong/lubo");
        assertThat(turn.credential()).isEqualTo(expectedCredential(SECRET, turn.username()));
    }

    @Test
    void knownVectorMatches() {
        // RFC 2202 test case 2 for HMAC-SHA1: key "Jefe", data "what do ya want for nothing?".
        assertThat(TurnCredentials.credential("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?"))
                .isEqualTo(Base64.getEncoder().encodeToString(hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")));
    }

    @Test
    void noServersConfiguredGivesNone() {
        assertThat(IceConfig.none().servers("he", NOW)).isEmpty();
    }

    @Test
    void turnWithoutSecretOrSecretWithoutTurnOrBadUrlIsRefused() {
        assertThatThrownBy(() -> new IceConfig(List.of(), List.of("turn:t:3478"), null, Duration.ofHours(1)))
                .hasMessageContaining("static-auth-secret");
        assertThatThrownBy(() -> new IceConfig(List.of(), List.of(), SECRET, Duration.ofHours(1)))
                .hasMessageContaining("TURN URL");
        assertThatThrownBy(() -> new IceConfig(List.of("http://stun"), List.of(), null, Duration.ofHours(1)))
                .hasMessageContaining("http://stun");
        assertThatThrownBy(() -> new IceConfig(List.of(), List.of("stun:t"), SECRET, Duration.ofHours(1)))
                .hasMessageContaining("stun:t");
        assertThatThrownBy(() -> new IceConfig(List.of(), List.of("turn:t"), SECRET, Duration.ofDays(8)))
                .hasMessageContaining("7 days");
    }

    @Test
    void ttlIsReadShortOrIso() {
        assertThat(IceConfig.parseTtl("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(IceConfig.parseTtl("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(IceConfig.parseTtl("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> IceConfig.parseTtl("soon")).hasMessageContaining("'soon'");
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
