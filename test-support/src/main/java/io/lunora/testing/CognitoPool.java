package io.lunora.testing;

import com.nimbusds.jose.JOSEException;
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
 * A stand-in for one Cognito user pool: its own RSA key, its JWKS at Cognito's path
 * ({@code {issuer}/.well-known/jwks.json}, the issuer being {@code http://127.0.0.1:{port}/{poolId}}),
 * and tokens with the claims real Cognito access and ID tokens carry.
 */
public final class CognitoPool implements AutoCloseable {
    private final String poolId;
    private final RSAKey key;
    private final HttpServer server;

    public CognitoPool(String poolId) {
        this.poolId = poolId;
        try {
            // Cognito key ids are per pool; a shared-looking id makes a forged token reach signature checking
            key = new RSAKeyGenerator(2048).keyID("cognito-key").generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/" + poolId + "/.well-known/jwks.json", exchange -> {
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

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + poolId;
    }

    public String jwkSetUri() {
        return issuer() + "/.well-known/jwks.json";
    }

    /** An access token as Cognito issues it: no {@code aud}, {@code client_id}, {@code username}. */
    public String accessToken(String clientId, String username, String organization, Group... groups) {
        return sign(accessClaims(clientId, username, organization, groups).build());
    }

    /** An access token whose claims {@code customizer} changes (a forged issuer, say). */
    public String accessToken(String clientId, String username, Consumer<JWTClaimsSet.Builder> customizer,
            Group... groups) {
        JWTClaimsSet.Builder claims = accessClaims(clientId, username, "org-1", groups);
        customizer.accept(claims);
        return sign(claims.build());
    }

    /** An ID token as Cognito issues it: {@code aud} the client, {@code email}, {@code cognito:username}. */
    public String idToken(String clientId, String username, Group... groups) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer()).subject("sub-" + username).audience(clientId)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim(LunoraClaims.TOKEN_USE, LunoraClaims.TOKEN_USE_ID)
                .claim("auth_time", now.getEpochSecond())
                .claim("email", username + "@example.test").claim("email_verified", true)
                .claim("cognito:username", username)
                .claim(LunoraClaims.ORGANIZATION, "org-1")
                .claim(LunoraClaims.GROUPS, Arrays.stream(groups).map(Group::claimValue).toList())
                .build());
    }

    private JWTClaimsSet.Builder accessClaims(String clientId, String username, String organization,
            Group... groups) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer()).subject("sub-" + username)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim(LunoraClaims.TOKEN_USE, LunoraClaims.TOKEN_USE_ACCESS)
                .claim(LunoraClaims.CLIENT_ID, clientId)
                .claim(LunoraClaims.USERNAME, username)
                .claim(LunoraClaims.GROUPS, Arrays.stream(groups).map(Group::claimValue).toList())
                .claim(LunoraClaims.ORGANIZATION, organization)
                .claim(LunoraClaims.SCOPE, "openid profile email")
                .claim("auth_time", now.getEpochSecond())
                .claim("version", 2);
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
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
