package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.LunoraClaims;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.TestIssuer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Forged, stale and misdirected tokens are refused at the gateway with 401/403 problem+json, and
 * no service ever sees the request.
 */
class JwtAttackTest extends GatewayTestBase {
    static final String OPERATOR_ROUTE = "/api/streaming/status";

    @Test
    void shouldRefuseRequestWithoutToken() {
        assertRefused(null, 401);
    }

    @Test
    void shouldRefuseUnsignedAlgNoneToken() throws ParseException {
        String claims = SignedJWT.parse(operatorToken(c -> { })).getPayload().toString();
        String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(claims) + ".";
        assertRefused(none, 401);
    }

    @Test
    void shouldRefuseHmacSignedToken() throws JOSEException, ParseException {
        SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), JWTClaimsSet.parse(
                claimsOf(operatorToken(c -> { }))));
        hs256.sign(new MACSigner("an-attacker-chosen-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8)));
        assertRefused(hs256.serialize(), 401);
    }

    @Test
    void shouldRefuseTokenSignedByAnotherKey() {
        try (TestIssuer impostor = new TestIssuer()) {
            assertRefused(impostor.userToken("mallory", "org-1", Group.ADMINS), 401);
        }
    }

    @Test
    void shouldRefuseTokenWhoseClaimsWereChangedAfterSigning() {
        String[] parts = operatorToken(c -> { }).split("\\.");
        String promoted = claimsOf(String.join(".", parts)).replace("\"operators\"", "\"admins\"");
        assertRefused(parts[0] + "." + base64(promoted) + "." + parts[2], 401);
    }

    @Test
    void shouldRefuseExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofMinutes(30));
        assertRefused(operatorToken(c -> c.issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))), 401);
    }

    @Test
    void shouldRefuseTokenOfAnotherIssuer() {
        assertRefused(operatorToken(c -> c.issuer("https://cognito-idp.eu-west-1.amazonaws.com/other-pool")), 401);
    }

    @Test
    void shouldRefuseIdTokenInPlaceOfAccessToken() {
        assertRefused(operatorToken(c -> c.claim(LunoraClaims.TOKEN_USE, LunoraClaims.TOKEN_USE_ID)), 401);
    }

    @Test
    void shouldRefuseTokenOfUnknownClient() {
        assertRefused(operatorToken(c -> c.claim(LunoraClaims.CLIENT_ID, "some-other-app")), 401);
    }

    @Test
    void shouldRefuseServiceClientTokenAtThePublicEntry() {
        assertRefused(operatorToken(c -> c.claim(LunoraClaims.CLIENT_ID, ServiceClient.GATEWAY.clientId())), 401);
    }

    @Test
    void shouldRefuseTokenWithoutTheNeededGroup() {
        assertRefused(operatorToken(c -> c.claim(LunoraClaims.GROUPS, List.of())), 403);
    }

    @Test
    void shouldRefuseConsumerTokenOnOperatorRoute() {
        assertRefused(tokenOf(Group.VIP), 403);
        assertRefused(tokenOf(Group.CONSUMER_ADMINS), 403);
    }

    @Test
    void shouldRefuseInvalidTokenEvenOnAnonymousRoute() {
        HttpResponse<String> response = gateway.send("GET", "/api/streams",
                operatorToken(c -> c.claim(LunoraClaims.TOKEN_USE, LunoraClaims.TOKEN_USE_ID)));

        assertProblem(response, 401);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldLetTheSameOperatorTokenThroughUntampered() {
        String token = operatorToken(c -> { });

        HttpResponse<String> response = gateway.send("GET", OPERATOR_ROUTE, token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVICES.get("STREAMING").received()).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + token));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void shouldNeverLogTokens(CapturedOutput output) {
        String expired = operatorToken(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600))));
        String valid = operatorToken(c -> { });

        gateway.send("GET", OPERATOR_ROUTE, expired);
        gateway.send("GET", OPERATOR_ROUTE, valid);
        gateway.send("GET", "/api/presets/slow", valid);

        assertThat(output.getAll()).doesNotContain(expired.split("\\.")[2]).doesNotContain(valid.split("\\.")[2]);
    }

    private void assertRefused(String token, int status) {
        HttpResponse<String> response = gateway.send("GET", OPERATOR_ROUTE, token);

        assertProblem(response, status);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(response.body()).doesNotContain("Jwt").doesNotContain("signature");
        assertThat(everythingReceived()).isEmpty();
    }

    private static String operatorToken(Consumer<JWTClaimsSet.Builder> change) {
        return ISSUER.token(c -> {
            c.subject("user-otto").claim(LunoraClaims.USERNAME, "otto")
                    .claim(LunoraClaims.CLIENT_ID, TestIssuer.OPERATOR_CLIENT)
                    .claim(LunoraClaims.ORGANIZATION, "org-1")
                    .claim(LunoraClaims.GROUPS, List.of(Group.OPERATORS.claimValue()));
            change.accept(c);
        });
    }

    private static String claimsOf(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
