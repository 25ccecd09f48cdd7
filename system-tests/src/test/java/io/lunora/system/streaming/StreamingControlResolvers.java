package io.lunora.system.streaming;

import io.lunora.model.identity.ServiceClient;
import io.lunora.streaming.StreamingControlApplication;
import io.lunora.streaming.resolve.DestinationDirectory;
import io.lunora.streaming.resolve.PresetCatalog;
import io.lunora.streaming.resolve.SourceSettings;
import io.lunora.support.clients.ServiceClientAutoConfiguration;
import io.lunora.system.stack.Launcher;
import io.lunora.system.stack.OwnConfiguration;
import java.nio.file.Path;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * streaming-control's clients of destination-, preset- and source-service (its {@code resolve}
 * package) in this JVM, with the service's own configuration, JSON naming and client-credentials
 * token, pointed at a running stack's services: what they send is what streaming-control sends,
 * and what they read back is parsed by streaming-control's own code.
 */
final class StreamingControlResolvers implements AutoCloseable {

    /** Streaming-control's resolve package: the same scan and configuration, without the rest of the service. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan("io.lunora.streaming.resolve")
    @ImportAutoConfiguration({ JacksonAutoConfiguration.class, ServiceClientAutoConfiguration.class })
    static class Resolvers {
    }

    private final ConfigurableApplicationContext control;

    StreamingControlResolvers(Launcher launcher, Path home) {
        control = new SpringApplicationBuilder(Resolvers.class).web(WebApplicationType.NONE).run(
                "--spring.config.location=" + OwnConfiguration.of(StreamingControlApplication.class),
                "--lunora.services.destination-url=" + local(launcher, "LUNORA_DESTINATION_PORT"),
                "--lunora.services.preset-url=" + local(launcher, "LUNORA_PRESET_PORT"),
                "--lunora.services.source-url=" + local(launcher, "LUNORA_SOURCE_PORT"),
                "--lunora.services.token-uri=" + local(launcher, "LUNORA_AUTH_PORT") + "/oauth2/token",
                "--lunora.services.secret-file=" + home.resolve("data").resolve(ServiceClient.STREAMING_CONTROL.secretFileName()));
    }

    private static String local(Launcher launcher, String portVariable) {
        return "http://127.0.0.1:" + launcher.port(portVariable);
    }

    DestinationDirectory destinations() {
        return control.getBean(DestinationDirectory.class);
    }

    PresetCatalog presets() {
        return control.getBean(PresetCatalog.class);
    }

    SourceSettings sources() {
        return control.getBean(SourceSettings.class);
    }

    @Override
    public void close() {
        control.close();
    }
}
