package io.lunora.engine.api;

import io.lunora.engine.EngineProperties;
import io.lunora.model.identity.ServiceScopes;
import io.lunora.support.security.AuthorizationRules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who reaches what: the internal API needs a service token with scope {@code engine} (streaming-control's); the HLS
 * files are open on the engine's port (the gateway checks playback tokens in front of them) and
 * served from the data folder, playlists never cached.
 */
@Configuration(proxyBeanMethods = false)
class EngineWeb implements WebMvcConfigurer {
    private final EngineProperties properties;

    EngineWeb(EngineProperties properties) {
        this.properties = properties;
    }

    @Bean
    AuthorizationRules engineRules() {
        return rules -> rules
                .requestMatchers("/hls/**").permitAll()
                .requestMatchers("/internal/engine/**").hasAuthority(ServiceScopes.authority(ServiceScopes.ENGINE));
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String folder = properties.dataDir().resolve("hls").toAbsolutePath().normalize().toUri().toString();
        registry.addResourceHandler("/hls/**").addResourceLocations(folder.endsWith("/") ? folder : folder + "/")
                .setCacheControl(CacheControl.noCache().sMaxAge(Duration.ZERO));
    }
}
