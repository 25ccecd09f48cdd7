package io.lunora.model.identity;

/**
 * Claim names of access tokens. They are Cognito's own, so that the services validate tokens of
 * the local issuer and of Cognito with configuration alone.
 */
public final class LunoraClaims {
    public static final String GROUPS = "cognito:groups";
    public static final String TOKEN_USE = "token_use";
    public static final String CLIENT_ID = "client_id";
    public static final String USERNAME = "username";
    public static final String ORGANIZATION = "custom:organization";
    public static final String ROLE = "custom:role";
    public static final String SCOPE = "scope";
    /**
     * The sign-in session an access token of the local issuer belongs to (Cognito's tokens have none):
     * the gateway refuses the tokens of a session ended by the concurrent-session limit.
     */
    public static final String SESSION_ID = "sid";

    public static final String TOKEN_USE_ACCESS = "access";
    public static final String TOKEN_USE_ID = "id";

    private LunoraClaims() {
    }
}
