package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.testing.CognitoPool;
import io.lunora.testing.TestIssuer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The AWS shape: two Cognito user pools, each its own issuer and JWKS, trusted by configuration
 * only. The gateway checks a token with the keys of the pool it names and refuses ID tokens,
 * pools it was not told about and a token of one pool that claims the other.
 */
class CognitoPoolsTest extends GatewayTestBase {
    static final CognitoPool INTERNAL = new CognitoPool("eu-west-1_Internal");
    static final CognitoPool CONSUMER = new CognitoPool("eu-west-1_Consumer");
    static final String OPERATOR_ROUTE = "/api/streaming/status";
    static final String VIEWER_ROUTE = "/api/viewers/me";

    @DynamicPropertySource
    static void pools(DynamicPropertyRegistry registry) {
        registry.add("lunora.security.issuers[0].issuer", INTERNAL::issuer);
        registry.add("lunora.security.issuers[0].jwk-set-uri", INTERNAL::jwkSetUri);
        registry.add("lunora.security.issuers[1].issuer", CONSUMER::issuer);
        registry.add("lunora.security.issuers[1].jwk-set-uri", CONSUMER::jwkSetUri);
    }

    @Test
    void shouldAcceptAnInternalPoolAccessTokenOnAnOperatorRoute() {
        String token = INTERNAL.accessToken(TestIssuer.OPERATOR_CLIENT, "olga", "org-1", Group.OPERATORS);

        HttpResponse<String> response = gateway.send("GET", OPERATOR_ROUTE, token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SERVICES.get("STREAMING").received()).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + token));
    }

    @Test
    void shouldAcceptAConsumerPoolAccessTokenOnAViewerRoute() {
        String token = CONSUMER.accessToken(TestIssuer.CONSUMER_CLIENT, "vera", "org-1", Group.PREMIUM);

        HttpResponse<String> response = gateway.send("GET", VIEWER_ROUTE, token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(SERVICES.get("VIEWER").received()).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + token));
    }

    @Test
    void shouldStillAcceptTheDefaultIssuer() {
        assertThat(gateway.send("GET", OPERATOR_ROUTE, tokenOf(Group.OPERATORS)).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAConsumerPoolTokenOnAnOperatorRoute() {
        assertRefused(OPERATOR_ROUTE, CONSUMER.accessToken(TestIssuer.CONSUMER_CLIENT, "vera", "org-1", Group.PREMIUM),
                403);
    }

    @Test
    void shouldRefuseAnIdTokenOfATrustedPool() {
        assertRefused(VIEWER_ROUTE, CONSUMER.idToken(TestIssuer.CONSUMER_CLIENT, "vera", Group.PREMIUM), 401);
        assertRefused(OPERATOR_ROUTE, INTERNAL.idToken(TestIssuer.OPERATOR_CLIENT, "olga", Group.OPERATORS), 401);
    }

    @Test
    void shouldRefuseATokenOfAPoolNotConfigured() {
        try (CognitoPool untrusted = new CognitoPool("eu-west-1_Other")) {
            assertRefused(VIEWER_ROUTE, untrusted.accessToken(TestIssuer.CONSUMER_CLIENT, "mallory", "org-1",
                    Group.PREMIUM), 401);
        }
    }

    @Test
    void shouldRefuseATokenSignedByOnePoolThatClaimsTheOther() {
        assertRefused(OPERATOR_ROUTE, CONSUMER.accessToken(TestIssuer.OPERATOR_CLIENT, "mallory",
                c -> c.issuer(INTERNAL.issuer()), Group.OPERATORS), 401);
        assertRefused(VIEWER_ROUTE, INTERNAL.accessToken(TestIssuer.CONSUMER_CLIENT, "mallory",
                c -> c.issuer(CONSUMER.issuer()), Group.PREMIUM), 401);
    }

    private void assertRefused(String path, String token, int status) {
        assertProblem(gateway.send("GET", path, token), status);
        assertThat(everythingReceived()).isEmpty();
    }
}
