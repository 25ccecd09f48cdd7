package io.lunora.engine.testing;

import io.lunora.engine.MediaEngineApplication;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.TestIssuer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real engine started in the test's JVM on a free port, its data in {@code dataDir}, its log
 * in {@code dataDir/engine.log}, trusting {@code issuer}'s tokens; {@code settings} add to or
 * override that ({@code --lunora.engine.…=…}).
 */
public final class InProcessEngine {
    private InProcessEngine() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, Path logFile, TestIssuer issuer, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--lunora.engine.data-dir=" + dataDir,
                "--lunora.security.jwk-set-uri=" + issuer.jwkSetUri(), "--logging.file.name=" + logFile));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(MediaEngineApplication.class).run(arguments.toArray(String[]::new));
    }

    /** The engine's API with an internal service token of {@code issuer}, fresh per request. */
    public static EngineApi api(ConfigurableApplicationContext engine, TestIssuer issuer) {
        return new EngineApi(Integer.parseInt(engine.getEnvironment().getProperty("local.server.port")),
                () -> issuer.serviceToken(ServiceClient.STREAMING_CONTROL));
    }
}
