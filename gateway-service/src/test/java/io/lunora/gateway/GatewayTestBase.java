package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.testing.TestIssuer;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as it is configured, started on a random port, with every route pointed at its own
 * recording downstream and tokens from a real issuer's JWKS. Test classes that extend this share
 * one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.security.issuer=" + TestIssuer.ISSUER,
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        // the stand-ins record every request: no API documents read from them (ApiDocsTest does that)
        "lunora.gateway.openapi.services=",
        // two apps with hosts of their own (WebAppHostsTest); every other test talks to localhost as without hosts
        "lunora.web.hosts.stream=" + GatewayTestBase.STREAM_HOST, "lunora.web.hosts.admin=" + GatewayTestBase.ADMIN_HOST})
abstract class GatewayTestBase {
    static final TestIssuer ISSUER = new TestIssuer();
    static final String STREAM_HOST = "stream.example.test";
    static final String ADMIN_HOST = "admin.example.test";

    /** One stand-in per target service, by the suffix of its URI variable. */
    static final Map<String, RecordingDownstream> SERVICES = Arrays.stream(
                    new String[] {"AUTH", "SOURCE", "DESTINATION", "PRESET", "STREAMING", "VIEWER", "ENGINE"})
            .collect(Collectors.toUnmodifiableMap(Function.identity(), RecordingDownstream::new));

    /** viewer-service's internal playback lookup and the issuer's token endpoint it needs. */
    static final PlaybackDirectoryStandIn PLAYBACK_DIRECTORY = new PlaybackDirectoryStandIn();

    /** auth-service's revocation ledger, which the gateway asks for every user token. */
    static final RevocationLedgerStandIn REVOCATIONS = new RevocationLedgerStandIn();

    @DynamicPropertySource
    static void routesAndKeys(DynamicPropertyRegistry registry) {
        registry.add("lunora.security.jwk-set-uri", ISSUER::jwkSetUri);
        SERVICES.forEach((name, service) -> registry.add("LUNORA_" + name + "_URI", service::uri));
        registry.add("lunora.gateway.playback.secret", () -> PlaybackDirectoryStandIn.SECRET);
        registry.add("lunora.gateway.playback.directory-url", PLAYBACK_DIRECTORY::uri);
        registry.add("lunora.gateway.playback.token-uri", () -> PLAYBACK_DIRECTORY.uri() + "/oauth2/token");
        registry.add("lunora.gateway.playback.client-secret", () -> PlaybackDirectoryStandIn.CLIENT_SECRET);
        registry.add("lunora.gateway.token-revocation.url", REVOCATIONS::uri);
    }

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
        SERVICES.values().forEach(RecordingDownstream::clear);
    }

    /** A token of a fresh user in these groups (a fresh subject: its own rate-limit bucket). */
    static String tokenOf(Group... groups) {
        return ISSUER.userToken("u" + UUID.randomUUID().toString().substring(0, 8), "org-1", groups);
    }

    static List<RecordingDownstream.Received> everythingReceived() {
        return SERVICES.values().stream().flatMap(s -> s.received().stream()).toList();
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status);
    }
}
