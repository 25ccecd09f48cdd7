package io.lunora.gateway.playback;

import io.lunora.model.identity.ServiceClient;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway checks {@code /hls/**} requests.
 *
 * @param secret        the playback tokens' HMAC key, base64 (at least 32 bytes): {@code LUNORA_PLAYBACK_SECRET};
 *                      when blank, {@code keyFile} is read (and created if viewer-service has not yet)
 * @param keyFile       viewer-service's key file, {@code viewer/playback-signing.key} under the data folder
 * @param directoryUrl  viewer-service, which says what a stream id plays and its access level now
 * @param tokenUri      the issuer's token endpoint, for the client-credentials token of that lookup
 * @param clientId      the gateway's service client, {@code lunora-gateway} unless set (Cognito's app client id)
 * @param clientSecret  its secret; when blank, read from {@code secretFile}
 * @param secretFile    the file auth-service writes the generated secret to (local mode)
 * @param scopePrefix   put before each of the gateway's scopes: empty locally, {@code lunora/} with Cognito
 * @param cacheTtl      how long a stream's answer is reused (players fetch a segment every few seconds)
 */
@ConfigurationProperties(prefix = "lunora.gateway.playback")
public record PlaybackProperties(String secret, Path keyFile, String directoryUrl, String tokenUri, String clientId,
        String clientSecret, Path secretFile, String scopePrefix, Duration cacheTtl) {
    public PlaybackProperties {
        keyFile = keyFile == null ? Path.of("./.lunora/data/viewer/playback-signing.key") : keyFile;
        directoryUrl = directoryUrl == null ? "http://127.0.0.1:8085" : directoryUrl.replaceAll("/+$", "");
        tokenUri = tokenUri == null ? "http://127.0.0.1:9000/oauth2/token" : tokenUri;
        clientId = clientId == null || clientId.isBlank() ? ServiceClient.GATEWAY.clientId() : clientId;
        secretFile = secretFile == null ? Path.of("./.lunora/data", ServiceClient.GATEWAY.secretFileName()) : secretFile;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(5) : cacheTtl;
    }

    /** The {@code scope} of its token request: the gateway's scopes only (playback lookup, revocation check). */
    public String scope() {
        return ServiceClient.GATEWAY.scopeParameter(scopePrefix);
    }
}
