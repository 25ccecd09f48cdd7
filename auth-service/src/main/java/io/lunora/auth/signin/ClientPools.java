package io.lunora.auth.signin;

import io.lunora.model.identity.Pool;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The user pool an OAuth client signs users into, kept in the client's settings. The issuer writes
 * it when it registers its clients; sign-in reads it to pick the pool of a waiting authorization.
 */
public final class ClientPools {
    public static final String SETTING = "settings.client.lunora.pool";

    private ClientPools() {
    }

    public static Optional<Pool> poolOf(RegisteredClient client) {
        Object pool = client.getClientSettings().getSetting(SETTING);
        return pool == null ? Optional.empty() : Optional.of(Pool.valueOf(pool.toString()));
    }
}
