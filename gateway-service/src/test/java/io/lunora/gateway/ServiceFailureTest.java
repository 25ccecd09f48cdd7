package io.lunora.gateway;

import io.lunora.model.identity.Group;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A service that is not running is a 503 problem, one that hangs up without answering a 502. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lunora.security.issuer=" + TestIssuer.ISSUER)
class ServiceFailureTest {
    static final TestIssuer ISSUER = new TestIssuer();
    static final HangingUpService HANGS_UP = new HangingUpService();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("lunora.security.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("LUNORA_PRESET_URI", () -> "http://127.0.0.1:" + FreePorts.next());
        registry.add("LUNORA_DESTINATION_URI", HANGS_UP::uri);
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
        HANGS_UP.close();
    }

    @LocalServerPort
    int port;
    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    @Test
    void shouldAnswer503WhenTheServiceIsDown() {
        GatewayTestBase.assertProblem(gateway.send("GET", "/api/presets", ISSUER.userToken("otto", "org-1", Group.OPERATORS)), 503);
    }

    @Test
    void shouldAnswer502WhenTheServiceHangsUp() {
        GatewayTestBase.assertProblem(gateway.send("GET", "/api/destinations", ISSUER.userToken("otto", "org-1", Group.OPERATORS)), 502);
    }
}
