package io.lunora.support.clients;

import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Names the downstream service at a base URL by the {@code lunora.services.<key>-url} property
 * that holds it ({@code destination-url} → {@code destination-service}), so that clients built from
 * a URL alone still get the breaker, retry and metrics of that service; else its host and port.
 */
final class ServiceNames implements Function<String, String> {
    /** The keys whose service is not simply {@code <key>-service}. */
    private static final Map<String, String> IRREGULAR = Map.of(
            "engine", "media-engine", "streaming", "streaming-control-service");

    private final Map<String, String> urls;

    ServiceNames(Environment environment) {
        this.urls = Binder.get(environment).bind("lunora.services", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of()).entrySet().stream()
                .filter(e -> e.getKey().endsWith("-url") && e.getValue() instanceof String)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (String) e.getValue(), (a, b) -> a));
    }

    @Override
    public String apply(String baseUrl) {
        return urls.entrySet().stream()
                .filter(e -> e.getValue().equals(baseUrl))
                .map(e -> serviceOf(e.getKey().substring(0, e.getKey().length() - "-url".length())))
                .sorted()
                .findFirst()
                .orElseGet(() -> ServiceClients.hostOf(baseUrl));
    }

    static String serviceOf(String key) {
        return IRREGULAR.getOrDefault(key, key + "-service");
    }
}
