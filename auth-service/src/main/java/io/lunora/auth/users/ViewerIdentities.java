package io.lunora.auth.users;

/**
 * The sign-in identities of the consumer pool, as viewer-service's account deletion needs them:
 * the local store in local mode, the Cognito consumer pool in aws mode.
 */
public interface ViewerIdentities {

    /**
     * Deletes the viewer's sign-in identity (user name, password, MFA), so that it signs in no more
     * and its tokens are refused. False when there is no viewer of that id (already deleted, or a
     * user of the internal pool, which this never touches).
     */
    boolean delete(String viewerId);
}
