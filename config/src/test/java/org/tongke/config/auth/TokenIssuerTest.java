package org.tongke.config.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenIssuerTest {
    static final Instant NOW = Instant.parse("2021-09-06T08:00:00.750Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Scope LESSON = Scope.parse("lesson:qt-01-sync-rengong-fenxiao#1");

    final TokenIssuer issuer = new TokenIssuer(RawTokens.SECRET, CLOCK);
    final TokenVerifier verifier = new TokenVerifier(RawTokens.SECRET, CLOCK);

    @Test
    void mintedTokenVerifiesBackToTheSameIdentity() {
        String token = issuer.issue(Role.LEAD_TEACHER, LESSON, "he-yonghui", Duration.ofHours(12));

        Identity identity = verifier.verify(token);

        assertThat(identity.subject()).isEqualTo("he-yonghui");
        assertThat(identity.role()).isEqualTo(Role.LEAD_TEACHER);
        assertThat(identity.scope()).isEqualTo(LESSON);
        assertThat(identity.issuedAt()).isEqualTo(Instant.parse("2021-09-06T08:00:00Z"));
        assertThat(identity.expiresAt()).isEqualTo(Instant.parse("2021-09-06T20:00:00Z"));
        assertThat(identity.tokenId()).hasSize(36);
    }

    @Test
    void signedIdentityVerifiesToAnEqualRecord() {
        Identity identity = new Identity("agent-lubo", Role.CLASSROOM_AGENT, Scope.parse("classroom:renzhuang-zhenzhong/lubo"),
                Instant.parse("2021-09-06T08:00:00Z"), Instant.parse("2021-09-07T08:00:00Z"), "t-1");

        assertThat(verifier.verify(issuer.sign(identity))).isEqualTo(identity);
    }

    @Test
    void mintedTokenIsAStandardHs256Jwt() throws Exception {
        String token = issuer.issue(Role.STAFF, Scope.parse("county:qingtian"), "zhou-li", Duration.ofMinutes(90));
        String[] parts = token.split("\\.", -1);

        assertThat(parts).hasSize(3);
        assertThat(token).matches("[A-Za-z0-9_.-]+");
        assertThat(parts[2]).isEqualTo(RawTokens.hmac("HmacSHA256", RawTokens.SECRET, parts[0] + "." + parts[1]));
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(RawTokens.unb64(parts[0]))).isEqualTo(json.readTree(RawTokens.HEADER));
        JsonNode claims = json.readTree(RawTokens.unb64(parts[1]));
        assertThat(claims.path("iss").asText()).isEqualTo("tongke");
        assertThat(claims.path("sub").asText()).isEqualTo("zhou-li");
        assertThat(claims.path("role").asText()).isEqualTo("staff");
        assertThat(claims.path("scope").path("type").asText()).isEqualTo("county");
        assertThat(claims.path("scope").path("id").asText()).isEqualTo("qingtian");
        assertThat(claims.path("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 90 * 60);
        assertThat(claims.path("jti").asText()).matches("[0-9a-f-]{36}");
    }

    @Test
    void subjectDefaultsToTheScope() {
        Scope classroom = Scope.parse("classroom:renzhuang-zhenzhong/lubo");

        String token = issuer.issue(Role.CLASSROOM_AGENT, classroom, null, Duration.ofDays(7));

        assertThat(verifier.verify(token).subject()).isEqualTo("classroom:renzhuang-zhenzhong/lubo");
    }

    @Test
    void everyTokenHasItsOwnId() {
        String first = issuer.issue(Role.STAFF, LESSON, null, Duration.ofHours(1));
        String second = issuer.issue(Role.STAFF, LESSON, null, Duration.ofHours(1));

        assertThat(verifier.verify(first).tokenId()).isNotEqualTo(verifier.verify(second).tokenId());
    }

    @Test
    void refusesLifetimesOutsideOneSecondToAYear() {
        assertThatThrownBy(() -> issuer.issue(Role.STAFF, LESSON, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not between 1 second and 366 days");
        assertThatThrownBy(() -> issuer.issue(Role.STAFF, LESSON, null, Duration.ofDays(367)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> issuer.issue(Role.STAFF, LESSON, null, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesASubjectWithControlCharacters() {
        assertThatThrownBy(() -> issuer.issue(Role.STAFF, LESSON, "he\nyonghui", Duration.ofHours(1)))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.problem()).isEqualTo(TokenProblem.MALFORMED))
                .hasMessageContaining("'he?yonghui'");
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> new TokenIssuer(new byte[31], CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new TokenVerifier(new byte[31], CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
