package io.lunora.gateway.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowedOrigins web origins that may call the APIs from a browser (CORS)
 * @param hosts the host name of a web app by app ({@code stream}, {@code admin}, ...), served
 *     over https; blank entries are no host (the app is served by path only)
 */
@ConfigurationProperties(prefix = "lunora.web")
public record WebProperties(List<String> allowedOrigins, Map<String, String> hosts) {
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    public WebProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        Map<String, String> named = new LinkedHashMap<>();
        if (hosts != null) {
            hosts.forEach((app, host) -> {
                if (host != null && !host.isBlank()) {
                    String name = host.strip().toLowerCase(Locale.ROOT);
                    if (!HOST_NAME.matcher(name).matches()) {
                        throw new IllegalArgumentException("lunora.web.hosts." + app + " must be a host name (no scheme, port or path)");
                    }
                    named.put(app, name);
                }
            });
        }
        hosts = Map.copyOf(named);
    }

    /** The configured origins plus the https origin of every app host: the apps call the issuer and APIs from there. */
    public List<String> corsOrigins() {
        List<String> origins = new ArrayList<>(allowedOrigins);
        hosts.values().stream().map(host -> "https://" + host).filter(o -> !origins.contains(o)).forEach(origins::add);
        return List.copyOf(origins);
    }
}
