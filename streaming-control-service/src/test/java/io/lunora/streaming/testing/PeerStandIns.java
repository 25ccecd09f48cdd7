package io.lunora.streaming.testing;

import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.TestIssuer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a streaming-control API test class stands on: DynamoDB Local, the test issuer (user tokens and
 * the service client's client-credentials grant) and one recorded endpoint standing for every peer
 * service and the media engine. Declared once per class as a static {@code @RegisterExtension} field:
 * {@link PeerStandInsProperties} points the class's application context at it, and JUnit closes it
 * after the class.
 */
public final class PeerStandIns implements AfterAllCallback {
    static final String SERVICE_SECRET = "s3cret";
    private static final String[] PEERS = {"destination", "preset", "source", "engine", "viewer"};

    private final TestIssuer issuer = new TestIssuer();
    private final RecordingHttpEndpoint peers = new RecordingHttpEndpoint();

    /** Peers answering {@code {}} until the test says otherwise. */
    public PeerStandIns() {
    }

    /** Peers answering as {@code responder} from the start, before the application's first call. */
    public PeerStandIns(Function<Recorded, Reply> responder) {
        peers.answer(responder);
    }

    public TestIssuer issuer() {
        return issuer;
    }

    public RecordingHttpEndpoint peers() {
        return peers;
    }

    /** The application's properties that point it at these stand-ins (also a restarted application's arguments). */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("lunora.dynamodb.endpoint", DynamoDbLocal.shared().endpoint());
        properties.put("lunora.security.jwk-set-uri", issuer.jwkSetUri());
        properties.put("lunora.services.token-uri", issuer.clientCredentialsTokenUri(ServiceClient.STREAMING_CONTROL, SERVICE_SECRET));
        properties.put("lunora.services.client-secret", SERVICE_SECRET);
        for (String peer : PEERS) {
            properties.put("lunora.services." + peer + "-url", peers.url());
        }
        return properties;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        issuer.close();
        peers.close();
    }
}
