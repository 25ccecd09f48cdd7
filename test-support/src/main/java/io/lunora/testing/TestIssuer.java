package io.lunora.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.LunoraClaims;
import io.lunora.model.identity.ServiceClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A real token issuer for service tests: an RSA key, its JWKS served over HTTP on loopback, and
 * signed access tokens shaped like Cognito's. The system tests use the real auth-service instead.
 */
public final class TestIssuer implements AutoCloseable {
    public static final String ISSUER = "http://localhost:8080";
    public static final String OPERATOR_CLIENT = "lunora-operator";
    public static final String CONSUMER_CLIENT = "lunora-watch";

    private final RSAKey key;
    private final HttpServer server;
    private volatile java.util.concurrent.atomic.AtomicInteger tokenRequests;

    public TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serves an OAuth2 token endpoint for the client-credentials grant of one confidential client
     * ({@code client_secret_basic} or {@code client_secret_post}), issuing access tokens shaped like
     * the auth-service's ({@code sub} and {@code client_id} the client, the requested scopes). Other
     * credentials get 401 {@code invalid_client}. Returns the endpoint's URI.
     */
    public synchronized String clientCredentialsTokenUri(String clientId, String clientSecret) {
        if (tokenRequests == null) {
            tokenRequests = new java.util.concurrent.atomic.AtomicInteger();
            server.createContext("/oauth2/token", exchange -> {
                tokenRequests.incrementAndGet();
                java.util.Map<String, String> form = formOf(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8));
                String basic = exchange.getRequestHeaders().getFirst("Authorization");
                String[] credentials = basic != null && basic.startsWith("Basic ")
                        ? basicCredentials(basic.substring(6))
                        : new String[] {form.get("client_id"), form.get("client_secret")};
                String body;
                int status;
                if (!clientId.equals(credentials[0]) || !clientSecret.equals(credentials[1])) {
                    status = 401;
                    body = "{\"error\":\"invalid_client\"}";
                } else if (!"client_credentials".equals(form.get("grant_type"))) {
                    status = 400;
                    body = "{\"error\":\"unsupported_grant_type\"}";
                } else if (!allowedScopes(clientId, form.getOrDefault("scope", ""))) {
                    status = 400;
                    body = "{\"error\":\"invalid_scope\"}";
                } else {
                    status = 200;
                    body = "{\"access_token\":\"" + serviceToken(clientId, form.getOrDefault("scope", ""))
                            + "\",\"token_type\":\"Bearer\",\"expires_in\":600}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token";
    }

    /** How many requests the token endpoint of {@link #clientCredentialsTokenUri} has received. */
    public int tokenRequestCount() {
        return tokenRequests == null ? 0 : tokenRequests.get();
    }

    /** As {@link #clientCredentialsTokenUri(String, String)} for one of the services' own clients. */
    public String clientCredentialsTokenUri(ServiceClient client, String clientSecret) {
        return clientCredentialsTokenUri(client.clientId(), clientSecret);
    }

    /**
     * A service client asks only for its own scopes, by name or in Cognito's {@code lunora/<scope>} form
     * (the issuers answer others {@code invalid_scope}).
     */
    private static boolean allowedScopes(String clientId, String requested) {
        return ServiceClient.of(clientId).map(c -> requested.isBlank()
                || java.util.Arrays.stream(requested.trim().split("\\s+"))
                        .map(scope -> scope.substring(scope.lastIndexOf('/') + 1)).allMatch(c.scopes()::contains))
                .orElse(true);
    }

    /** A client-credentials access token of a service's own client, with every scope it is allowed. */
    public String serviceToken(ServiceClient client) {
        return serviceToken(client.clientId(), String.join(" ", client.scopes()));
    }

    /** A client-credentials access token as the issuer gives a confidential client (no user, no organization). */
    public String serviceToken(String clientId, String scope) {
        return token(c -> c.subject(clientId).claim(LunoraClaims.CLIENT_ID, clientId).claim(LunoraClaims.SCOPE, scope));
    }

    private static java.util.Map<String, String> formOf(String body) {
        java.util.Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String[] basicCredentials(String encoded) {
        String decoded = new String(java.util.Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return new String[] {null, null};
        }
        // RFC 6749 2.3.1: both parts are form-urlencoded before Basic encoding
        return new String[] {java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks";
    }

    /** An access token of a user in the given organization and groups. */
    public String userToken(String username, String organization, Group... groups) {
        boolean consumer = groups.length > 0 && groups[0].pool() == io.lunora.model.identity.Pool.CONSUMER;
        return token(c -> c.subject("user-" + username)
                .claim(LunoraClaims.USERNAME, username)
                .claim(LunoraClaims.CLIENT_ID, consumer ? CONSUMER_CLIENT : OPERATOR_CLIENT)
                .claim(LunoraClaims.ORGANIZATION, organization)
                .claim(LunoraClaims.GROUPS, Arrays.stream(groups).map(Group::claimValue).toList()));
    }

    /** A token with the standard claims, changed by {@code customizer} (for attack tests). */
    public String token(Consumer<JWTClaimsSet.Builder> customizer) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim(LunoraClaims.TOKEN_USE, LunoraClaims.TOKEN_USE_ACCESS);
        customizer.accept(claims);
        return sign(claims.build());
    }

    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
