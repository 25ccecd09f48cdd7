package io.lunora.streaming.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.streaming.sessions.SessionStatus;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.streaming.sessions.SwitchCounts;
import io.lunora.testing.RecordingHttpEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.client.RestClient;

/**
 * The {@code hls_url} a live session is published with: the engine's folder by default, the
 * MediaPackage endpoint's path when {@code LUNORA_CATALOG_HLSURL} says so (the services stack on AWS).
 */
class CatalogHlsUrlTest {
    static final String MEDIAPACKAGE_PATH = "/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8";

    final RecordingHttpEndpoint viewer = new RecordingHttpEndpoint();

    @AfterEach
    void close() {
        viewer.close();
    }

    @Test
    void shouldPublishTheEnginesFolderOfTheOrganizationByDefault() {
        publishLive(bind(Map.of()));

        assertThat(viewer.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/internal/catalog/sessions");
            assertThat(r.body()).contains("\"/hls/org-7/master.m3u8\"");
        });
    }

    @Test
    void shouldPublishTheMediaPackageEndpointsPathFromTheEnvironment() {
        publishLive(bind(Map.of("LUNORA_CATALOG_HLSURL", MEDIAPACKAGE_PATH)));

        assertThat(viewer.requests()).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("\"" + MEDIAPACKAGE_PATH + "\"").doesNotContain("/hls/"));
    }

    @Test
    void shouldRefuseAtStartUpAPathThatNoPlayerCouldReach() {
        for (String wrong : List.of("https://abc.mediapackage.us-east-1.amazonaws.com" + MEDIAPACKAGE_PATH,
                "/out/v1/../index.m3u8", "/hls/{organization}/../x/master.m3u8", "/media/index.m3u8")) {
            assertThatThrownBy(() -> new CatalogProperties(wrong)).as(wrong)
                    .hasMessageContaining("lunora.catalog.hls-url");
        }
    }

    /** The service's application.yml with these environment variables, bound as at start-up. */
    private static CatalogProperties bind(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environment));
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(env.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Binder.get(env).bind("lunora.catalog", CatalogProperties.class).get();
    }

    private void publishLive(CatalogProperties properties) {
        StreamSession session = new StreamSession("org-7", "s1", "op", "user-op", Instant.parse("2026-03-01T12:00:00Z"), null,
                SessionStatus.ACTIVE, new StreamSession.SourceSnapshot("single", 1, "Videon A", null, "primary"),
                List.of(), SwitchCounts.NONE, List.of(), List.of(), false, null, "concert", null);
        new ViewerCatalogPublisher(RestClient.create(viewer.url()), properties).live(session, "concert", null);
    }
}
