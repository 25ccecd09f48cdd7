package io.lunora.gateway.openapi;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's one OpenAPI document.
 *
 * @param title     {@code Lunora Live API}
 * @param version   the API's version
 * @param serverUrl the gateway's public URL ({@code LUNORA_PUBLIC_URL}); blank: the URL the reader called
 * @param services  the routes whose services publish a springdoc document at {@code /v3/api-docs}
 * @param refresh   how often the services' documents are read again
 * @param timeout   how long one read may take
 */
@ConfigurationProperties(prefix = "lunora.gateway.openapi")
public record ApiDocsProperties(String title, String version, String serverUrl, List<String> services,
        Duration refresh, Duration timeout) {
    public ApiDocsProperties {
        title = title == null || title.isBlank() ? "Lunora Live API" : title;
        version = version == null || version.isBlank() ? "1" : version;
        serverUrl = serverUrl == null ? "" : serverUrl.strip();
        services = services == null ? List.of() : List.copyOf(services);
        refresh = refresh == null ? Duration.ofMinutes(1) : refresh;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
