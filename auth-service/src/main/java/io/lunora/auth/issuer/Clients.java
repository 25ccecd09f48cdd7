package io.lunora.auth.issuer;

import io.lunora.auth.signin.ClientPools;
import io.lunora.model.identity.Pool;
import io.lunora.model.identity.ServiceClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The OAuth clients of docs/architecture.md. Public clients use PKCE and belong to one pool; each
 * confidential {@link ServiceClient} gets client-credentials tokens with only its own
 * {@code ServiceScopes}.
 *
 * <p>Lifetimes. Access tokens live 15 minutes, well inside the shortest idle timeout of the
 * specification (operators: 2 h). Spring Authorization Server gives public clients no refresh
 * token, so the web apps renew by going through {@code /oauth2/authorize} again, which succeeds
 * silently while the sign-in session at this issuer lives: that session carries the role's idle
 * timeout (operators 2 h, admins 4 h; every renewal counts as activity) and its absolute limit
 * (operators 8 h, admins 12 h), see {@code SessionLifetimes}. A token therefore outlives the end
 * of a session by 15 minutes at most.
 */
public final class Clients {
    static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    private Clients() {
    }

    /**
     * @param appHosts the apps served on a host of their own ({@code stream} → {@code
     *                 stream.example.com}, as the gateway's {@code lunora.web.hosts}); their
     *                 clients also accept {@code https://<host>/<app>/callback}
     */
    static List<RegisteredClient> all(String issuer, Map<ServiceClient, String> serviceSecretHashes,
            Map<String, String> appHosts) {
        List<RegisteredClient> clients = new ArrayList<>(List.of(
                publicClient("lunora-operator", Pool.INTERNAL, issuer, "stream", "operator", appHosts),
                publicClient("lunora-admin", Pool.INTERNAL, issuer, "admin", "admin", appHosts),
                publicClient("lunora-watch", Pool.CONSUMER, issuer, "watch", null, appHosts),
                publicClient("lunora-player", Pool.CONSUMER, issuer, "player", null, appHosts),
                publicClient("lunora-viewer-admin", Pool.CONSUMER, issuer, "viewer-admin", "consumer-admin", appHosts)));
        serviceSecretHashes.forEach((client, secretHash) -> clients.add(serviceClient(client, secretHash)));
        return clients;
    }

    private static RegisteredClient serviceClient(ServiceClient client, String secretHash) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                .clientId(client.clientId())
                .clientSecret(secretHash)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TTL).build())
                .build();
    }

    private static RegisteredClient publicClient(String clientId, Pool pool, String issuer, String appName,
            String extraScope, Map<String, String> appHosts) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        String app = "/" + appName;
        RegisteredClient.Builder b = RegisteredClient.withId(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(base + app + "/callback")
                .postLogoutRedirectUri(base + app + "/")
                .scope(OidcScopes.OPENID).scope(OidcScopes.EMAIL).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .setting(ClientPools.SETTING, pool.name()).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TTL).build());
        String host = appHosts.get(appName);
        if (host != null && !host.isBlank()) {
            b.redirectUri("https://" + host + app + "/callback").postLogoutRedirectUri("https://" + host + app + "/");
        }
        if (extraScope != null) {
            b.scope(extraScope);
        }
        return b.build();
    }
}
