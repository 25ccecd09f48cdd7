package io.lunora.gateway.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param allowedOrigins web origins that may call the APIs from a browser (CORS) */
@ConfigurationProperties(prefix = "lunora.web")
public record WebProperties(List<String> allowedOrigins) {
    public WebProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
