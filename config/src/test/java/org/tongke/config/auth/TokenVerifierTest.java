package org.tongke.config.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongke.config.auth.RawTokens.b64;
import static org.tongke.config.auth.RawTokens.claims;
import static org.tongke.config.auth.RawTokens.signed;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {
    static final Instant ISSUED = Instant.parse("2021-09-06T08:00:00Z");
    static final long IAT = ISSUED.getEpochSecond();

    static TokenVerifier verifierAt(Instant now) {
        return new TokenVerifier(RawTokens.SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    static final TokenVerifier VERIFIER = verifierAt(ISSUED.plusSeconds(60));

    static AbstractThrowableAssert<?, ?> assertRejected(TokenVerifier verifier, String token, TokenProblem problem) {
        return assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    static AbstractThrowableAssert<?, ?> assertRejected(String token, TokenProblem problem) {
        return assertRejected(VERIFIER, token, problem);
    }

    static String minted() {
        return new TokenIssuer(RawTokens.SECRET, Clock.fixed(ISSUED, ZoneOffset.UTC))
                .issue(Role.ASSISTANT_TEACHER, Scope.parse("classroom:renzhuang-zhenzhong/lubo"), "wei-haihua",
                        Duration.ofHours(1));
    }

    @Test
    void acceptsAHandBuiltTokenOfTheDocumentedForm() {
        Identity identity = VERIFIER.verify(signed(claims(IAT)));

        assertThat(identity.role()).isEqualTo(Role.LEAD_TEACHER);
        assertThat(identity.scope()).isEqualTo(new Scope(Scope.Type.LESSON, "qt-01-sync-rengong-fenxiao#1"));
        assertThat(identity.tokenId()).isEqualTo("j-1");
    }

    @Test
    void tamperedClaimsHaveABadSignature() {
        String[] parts = minted().split("\\.");
        String promoted = RawTokens.unb64(parts[1]).replace("assistant-teacher", "lead-teacher");

        assertRejected(parts[0] + "." + b64(promoted) + "." + parts[2], TokenProblem.BAD_SIGNATURE)
                .hasMessage("token signature does not match");
    }

    @Test
    void tokenSignedWithAnotherSecretHasABadSignature() {
        String other = new TokenIssuer(RawTokens.OTHER_SECRET, Clock.fixed(ISSUED, ZoneOffset.UTC))
                .issue(Role.STAFF, Scope.parse("county:qingtian"), null, Duration.ofHours(1));

        assertRejected(other, TokenProblem.BAD_SIGNATURE);
    }

    @Test
    void truncatedOrReencodedSignatureIsBad() {
        String token = minted();

        assertRejected(token.substring(0, token.length() - 1), TokenProblem.BAD_SIGNATURE);
        assertRejected(token.substring(0, token.lastIndexOf('.') + 1), TokenProblem.BAD_SIGNATURE);
    }

    @Test
    void unsignedTokenWithAlgorithmNoneIsRefused() {
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims(IAT)) + ".";

        assertRejected(none, TokenProblem.UNSUPPORTED_ALGORITHM)
                .hasMessage("token algorithm 'none' is not accepted; tokens are signed with HS256");
    }

    @Test
    void tokenSignedWithHs512IsRefusedEvenWithTheRightSecret() {
        String input = b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + b64(claims(IAT));
        String hs512 = input + "." + RawTokens.hmac("HmacSHA512", RawTokens.SECRET, input);

        assertRejected(hs512, TokenProblem.UNSUPPORTED_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"typ\":\"JWT\"}", "{\"alg\":\"hs256\"}", "{\"alg\":\"RS256\"}", "{\"alg\":[\"HS256\"]}"})
    void headerWithoutExactlyHs256IsRefused(String header) {
        assertRejected(signed(header, claims(IAT)), TokenProblem.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void headerWithCriticalExtensionsIsRefused() {
        assertRejected(signed("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", claims(IAT)), TokenProblem.MALFORMED);
    }

    @Test
    void expiredTokenIsRefusedOnceTheSkewHasPassed() {
        String token = minted();
        Instant expiry = ISSUED.plus(Duration.ofHours(1));

        assertThat(verifierAt(expiry.plusSeconds(29)).verify(token).subject()).isEqualTo("wei-haihua");
        assertRejected(verifierAt(expiry.plusSeconds(30)), token, TokenProblem.EXPIRED)
                .hasMessage("token expired at 2021-09-06T09:00:00Z");
        assertRejected(verifierAt(expiry.plus(Duration.ofDays(1))), token, TokenProblem.EXPIRED);
    }

    @Test
    void tokenFromTheFutureIsNotYetValidBeyondTheSkew() {
        String token = minted();

        assertThat(verifierAt(ISSUED.minusSeconds(30)).verify(token)).isNotNull();
        assertRejected(verifierAt(ISSUED.minusSeconds(31)), token, TokenProblem.NOT_YET_VALID)
                .hasMessageContaining("check the clocks");
    }

    @Test
    void notBeforeClaimIsHonoured() {
        String token = signed(claims(IAT).replace("\"jti\"", "\"nbf\":" + (IAT + 600) + ",\"jti\""));

        assertRejected(token, TokenProblem.NOT_YET_VALID);
        assertThat(verifierAt(ISSUED.plusSeconds(600)).verify(token)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "a.b", "a.b.c.d", "a..c", ".b.c", "eyJhbGciOiJIUzI1NiJ9 .e30.x",
        "e30=.e30.x", "!!!.e30.x", "bm90IGpzb24.e30.x", "W10.e30.x", "a.e30.x"})
    void notACompactJwtIsMalformed(String token) {
        assertRejected(token, TokenProblem.MALFORMED);
    }

    @Test
    void missingTokenIsMalformed() {
        assertRejected(null, TokenProblem.MALFORMED).hasMessage("no token");
    }

    @Test
    void hugeTokenIsMalformedBeforeAnythingIsParsed() {
        String huge = b64(RawTokens.HEADER) + "." + "A".repeat(TokenVerifier.MAX_TOKEN_LENGTH) + ".x";

        assertRejected(huge, TokenProblem.MALFORMED).hasMessage("token is longer than 8192 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"iss\":\"someone-else\",\"sub\":\"s\",\"role\":\"staff\",\"scope\":{\"type\":\"county\",\"id\":\"q\"},\"iat\":1630915200,\"exp\":1630918800,\"jti\":\"j\"}",
        "{\"iss\":\"tongke\",\"role\":\"staff\",\"scope\":{\"type\":\"county\",\"id\":\"q\"},\"iat\":1630915200,\"exp\":1630918800,\"jti\":\"j\"}",
        "{\"iss\":\"tongke\",\"sub\":\"s\",\"role\":\"staff\",\"scope\":{\"type\":\"county\",\"id\":\"q\"},\"iat\":1630915200,\"jti\":\"j\"}",
        "{\"iss\":\"tongke\",\"sub\":\"s\",\"role\":\"staff\",\"scope\":{\"type\":\"county\",\"id\":\"q\"},\"iat\":1630915200,\"exp\":\"soon\",\"jti\":\"j\"}",
        "{\"iss\":\"tongke\",\"sub\":\"s\",\"role\":\"staff\",\"scope\":{\"type\":\"county\",\"id\":\"q\"},\"iat\":1630915200,\"exp\":1630918800.5,\"jti\":\"j\"}",
        "{\"iss\":\"tongke\",\"sub\":\"s\",\"role\":\"staff\",\"scope\":{\"type\":\"county\",\"id\":\"q\"},\"iat\":1630915200,\"exp\":1630915200,\"jti\":\"j\"}",
        "{\"iss\":\"tongke\",\"sub\":\"s\",\"role\":\"staff\",\"scope\":{\"type\":\"county\",\"id\":\"q\"},\"iat\":1630915200,\"exp\":99999999999999999999,\"jti\":\"j\"}",
        "{\"iss\":\"tongke\",\"sub\":\"s\",\"role\":\"staff\",\"scope\":{\"type\":\"county\",\"id\":\"q\"},\"iat\":1630915200,\"exp\":1630918800}",
        "{\"iss\":\"tongke\",\"sub\":\"s\",\"role\":\"staff\",\"role\":\"lead-teacher\",\"scope\":{\"type\":\"county\",\"id\":\"q\"},\"iat\":1630915200,\"exp\":1630918800,\"jti\":\"j\"}",
        "[\"tongke\"]",
        "{\"iss\":\"tongke\",\"sub\":\"s\",\"role\":\"staff\",\"scope\":{\"type\":\"county\",\"id\":\"q\"},\"iat\":1630915200,\"exp\":1630918800,\"jti\":\"j\"} {}"})
    void signedClaimsOfTheWrongShapeAreMalformed(String claims) {
        assertRejected(signed(claims), TokenProblem.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"teacher\"", "\"LEAD-TEACHER\"", "42", "null"})
    void unknownRoleIsRefused(String role) {
        String token = signed(claims(IAT, role, "{\"type\":\"county\",\"id\":\"qingtian\"}"));

        assertRejected(token, TokenProblem.UNKNOWN_ROLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"county:qingtian\"", "{\"type\":\"province\",\"id\":\"zhejiang\"}",
        "{\"type\":\"classroom\",\"id\":\"lubo\"}", "{\"type\":\"school\",\"id\":\"../etc\"}", "{\"type\":\"school\"}"})
    void badScopeIsRefused(String scope) {
        String token = signed(claims(IAT, "\"staff\"", scope));

        assertRejected(token, TokenProblem.BAD_SCOPE);
    }

    @Test
    void messagesNeverContainTheSecret() {
        String secret = new String(RawTokens.SECRET, StandardCharsets.US_ASCII);
        String[] tokens = {"garbage", signed(claims(IAT, "\"" + "x".repeat(500) + "\"", "{}")),
            new TokenIssuer(RawTokens.OTHER_SECRET, Clock.systemUTC()).issue(Role.STAFF, Scope.parse("county:q"), null,
                    Duration.ofHours(1))};

        for (String token : tokens) {
            assertThatThrownBy(() -> VERIFIER.verify(token))
                    .isInstanceOf(TokenRejected.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret).hasSizeLessThan(200));
        }
    }

    @Test
    void rejectionsCarryNoStackTrace() {
        assertThatThrownBy(() -> VERIFIER.verify("garbage"))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }
}
