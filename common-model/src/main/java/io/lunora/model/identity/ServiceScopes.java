package io.lunora.model.identity;

/**
 * The scopes of service-to-service tokens, one per capability, so that a service's token opens only
 * the internal endpoints it calls (docs/architecture.md "Internal endpoints"). The one definition
 * used by the issuer (which client may ask for which), the callers (what they ask for) and the
 * callees (what each endpoint requires). With Cognito each is the resource server's
 * {@code lunora/<scope>}; the shared token rules grant that as {@code SCOPE_<scope>} too.
 */
public final class ServiceScopes {
    /** destination-service: a destination's publish target with its stream key, and the auto-start targets. */
    public static final String DESTINATION_TARGETS = "destinations.targets";
    /** destination-service: which destinations use a preset (no secrets). */
    public static final String DESTINATION_PRESET_USAGE = "destinations.preset-usage";
    /** preset-service: one encoding preset of an organization. */
    public static final String PRESETS_READ = "presets.read";
    /** source-service: the channel inputs with their passphrases, and the organizations that have some. */
    public static final String SOURCES_READ = "sources.read";
    /** viewer-service: a session went live or ended. */
    public static final String CATALOG_SESSIONS = "catalog.sessions";
    /** viewer-service: the playback target of a stream (the gateway's {@code /hls/**} lookup). */
    public static final String CATALOG_PLAYBACK = "catalog.playback";
    /** auth-service: whether a user's tokens are still valid (the gateway's revocation check). */
    public static final String USERS_TOKEN_VALIDITY = "users.token-validity";
    /** auth-service: delete a viewer's sign-in identity. */
    public static final String VIEWERS_DELETE = "viewers.delete";
    /** media-engine: every {@code /internal/engine/**} call (channels, outputs, relays, events). */
    public static final String ENGINE = "engine";
    /** every service's {@code /actuator/**} beyond health (a Prometheus scraper). */
    public static final String METRICS = "metrics";

    private ServiceScopes() {
    }

    /** The Spring Security authority a token with {@code scope} has: {@code SCOPE_<scope>}. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
