package io.lunora.streaming.testing;

import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.TestIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every streaming-control API test sets: DynamoDB Local, the test issuer (user tokens and
 * the service client's client-credentials grant) and one recorded endpoint standing for every
 * peer service and the media engine.
 */
public final class StreamingTestProperties {
    public static final String SERVICE_SECRET = "s3cret";

    private StreamingTestProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, TestIssuer issuer, RecordingHttpEndpoint peers) {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.services.token-uri", () -> issuer.clientCredentialsTokenUri("lunora-services", SERVICE_SECRET));
        registry.add("lunora.services.client-secret", () -> SERVICE_SECRET);
        for (String peer : new String[] {"destination", "preset", "source", "engine", "viewer"}) {
            registry.add("lunora.services." + peer + "-url", peers::url);
        }
    }
}
