package io.lunora.support.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service validates access tokens. The same settings describe the local issuer and a
 * Cognito user pool, so switching between them is configuration only. In AWS the internal and
 * consumer pools are two issuers, each with its own keys: the second is one of {@code issuers}.
 *
 * @param issuer           expected {@code iss} claim of the default issuer
 * @param jwkSetUri        where the default issuer's signing keys are published
 * @param allowedClientIds client ids whose tokens are accepted; empty accepts any client of the issuers
 * @param issuers          further trusted issuers, each with its own keys
 */
@ConfigurationProperties(prefix = "lunora.security")
public record SecurityProperties(String issuer, String jwkSetUri, Set<String> allowedClientIds,
        List<TrustedIssuer> issuers) {
    public SecurityProperties {
        allowedClientIds = allowedClientIds == null ? Set.of() : Set.copyOf(allowedClientIds);
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
    }

    /** One issuer and where its keys are: a token is only checked with the keys of the issuer it names. */
    public record TrustedIssuer(String issuer, String jwkSetUri) {
    }

    /** The default issuer first, then the further ones. */
    public List<TrustedIssuer> trustedIssuers() {
        List<TrustedIssuer> all = new ArrayList<>();
        all.add(new TrustedIssuer(issuer, jwkSetUri));
        all.addAll(issuers);
        return List.copyOf(all);
    }
}
