package io.lunora.gateway.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.gateway.web.WebProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** What lunora.web.hosts accepts: host names of known apps, one app per host. */
class AppHostsTest {

    @Test
    void shouldRejectAnythingButAHostName() {
        for (String bad : List.of("https://stream.example.com", "stream.example.com:443", "stream.example.com/x", "-x.example.com")) {
            assertThatThrownBy(() -> new WebProperties(List.of(), Map.of("stream", bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lunora.web.hosts.stream");
        }
    }

    @Test
    void shouldIgnoreBlankHostsAndAddTheOthersAsHttpsOrigins() {
        WebProperties web = new WebProperties(List.of("http://localhost:8080"),
                Map.of("stream", " Stream.Example.com ", "admin", ""));

        assertThat(web.hosts()).containsExactly(Map.entry("stream", "stream.example.com"));
        assertThat(web.corsOrigins()).containsExactly("http://localhost:8080", "https://stream.example.com");
    }

    @Test
    void shouldBindTheHostOfAnAppWithADashInItsName() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of("lunora.web.hosts.viewer-admin", "va.example.com")));

        WebProperties web = binder.bind("lunora.web", WebProperties.class).get();

        assertThat(web.hosts()).containsExactly(Map.entry("viewer-admin", "va.example.com"));
        assertThat(new AppHosts(web.hosts()).hostOf("viewer-admin")).hasValue("va.example.com");
    }

    @Test
    void shouldRejectUnknownAppsAndSharedHosts() {
        assertThatThrownBy(() -> new AppHosts(Map.of("studio", "studio.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lunora.web.hosts.studio");
        assertThatThrownBy(() -> new AppHosts(Map.of("stream", "apps.example.com", "admin", "apps.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share the host apps.example.com");
    }
}
