package io.lunora.gateway.revocation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's check of user tokens against auth-service's revocations (disabled or deleted users,
 * tokens older than the last password change or reset). Its service token uses the client
 * credentials of {@code lunora.gateway.playback}.
 *
 * @param enabled  off in AWS mode, where Cognito is the issuer and auth-service has no such ledger
 * @param url      auth-service, whose {@code GET /internal/users/{id}/token-validity} answers
 * @param cacheTtl how long one user's answer is reused: the longest a revoked token still passes
 * @param timeout  the deadline of one lookup; past it (or with auth-service down) the token's own
 *                 expiry applies, as without the check
 */
@ConfigurationProperties(prefix = "lunora.gateway.token-revocation")
public record TokenRevocationProperties(Boolean enabled, String url, Duration cacheTtl, Duration timeout) {
    public TokenRevocationProperties {
        enabled = enabled == null || enabled;
        url = url == null ? "http://127.0.0.1:9000" : url.replaceAll("/+$", "");
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(2) : cacheTtl;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }
}
