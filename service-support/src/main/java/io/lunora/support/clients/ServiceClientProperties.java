package io.lunora.support.clients;

import io.lunora.model.identity.ServiceClient;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service calls another service's internal endpoints: with a client-credentials token of its
 * own {@link ServiceClient} ({@code lunora-streaming-control}, ...), asking for that client's scopes
 * only.
 *
 * @param tokenUri     the issuer's token endpoint
 * @param client       which service client this service is ({@code streaming-control}, ...)
 * @param clientId     its client id: the local issuer's {@code lunora-streaming-control} unless set
 *                     (Cognito generates app client ids)
 * @param clientSecret from the environment; when blank, read from {@code secretFile}
 * @param secretFile   the file auth-service writes the client's generated secret to (local mode)
 * @param scopePrefix  put before every scope asked for: empty locally, {@code lunora/} with Cognito
 *                     (its resource server's scopes)
 */
@ConfigurationProperties(prefix = "lunora.services")
public record ServiceClientProperties(String tokenUri, ServiceClient client, String clientId, String clientSecret,
        String secretFile, String scopePrefix) {
    public ServiceClientProperties {
        if (client == null) {
            throw new IllegalStateException("lunora.services.client must name this service's client"
                    + " (common-model ServiceClient: gateway, streaming-control, preset, viewer)");
        }
        clientId = clientId == null || clientId.isBlank() ? client.clientId() : clientId;
    }

    /** The scopes of the token request: every scope of the client, none of another's. */
    public List<String> scopes() {
        return client.scopes(scopePrefix);
    }
}
