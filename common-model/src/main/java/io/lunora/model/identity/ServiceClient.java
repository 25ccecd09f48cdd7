package io.lunora.model.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The confidential OAuth clients of the services, one per calling service, each allowed only the
 * {@link ServiceScopes} of the internal endpoints it calls. Locally auth-service generates each
 * client's secret into its own file of the data folder (0600) unless its environment variable is
 * set; the calling service reads it from there (or the same variable).
 */
public enum ServiceClient {
    GATEWAY("lunora-gateway", "LUNORA_GATEWAY_CLIENT_SECRET",
            ServiceScopes.CATALOG_PLAYBACK, ServiceScopes.USERS_TOKEN_VALIDITY),
    STREAMING_CONTROL("lunora-streaming-control", "LUNORA_STREAMING_CONTROL_CLIENT_SECRET",
            ServiceScopes.DESTINATION_TARGETS, ServiceScopes.PRESETS_READ, ServiceScopes.SOURCES_READ,
            ServiceScopes.CATALOG_SESSIONS, ServiceScopes.ENGINE),
    PRESET("lunora-preset", "LUNORA_PRESET_CLIENT_SECRET", ServiceScopes.DESTINATION_PRESET_USAGE),
    VIEWER("lunora-viewer", "LUNORA_VIEWER_CLIENT_SECRET", ServiceScopes.VIEWERS_DELETE),
    /** Not a service: a Prometheus scraper of the services' and the gateway's metrics. */
    METRICS("lunora-metrics", "LUNORA_METRICS_CLIENT_SECRET", ServiceScopes.METRICS);

    private final String clientId;
    private final String secretVariable;
    private final List<String> scopes;

    ServiceClient(String clientId, String secretVariable, String... scopes) {
        this.clientId = clientId;
        this.secretVariable = secretVariable;
        this.scopes = List.of(scopes);
    }

    public String clientId() {
        return clientId;
    }

    /** The environment variable that sets the secret (auth-service and the caller read the same one). */
    public String secretVariable() {
        return secretVariable;
    }

    public List<String> scopes() {
        return scopes;
    }

    /** The secret's file in the data folder: {@code lunora-gateway} → {@code gateway-client-secret}. */
    public String secretFileName() {
        return clientId.substring("lunora-".length()) + "-client-secret";
    }

    /** The scopes its token request asks for; {@code prefix} is {@code lunora/} with Cognito, else empty. */
    public List<String> scopes(String prefix) {
        String p = prefix == null ? "" : prefix;
        return scopes.stream().map(s -> p + s).toList();
    }

    /** {@link #scopes(String)} as the {@code scope} parameter of a token request. */
    public String scopeParameter(String prefix) {
        return String.join(" ", scopes(prefix));
    }

    public static Optional<ServiceClient> of(String clientId) {
        return Arrays.stream(values()).filter(c -> c.clientId.equals(clientId)).findFirst();
    }
}
