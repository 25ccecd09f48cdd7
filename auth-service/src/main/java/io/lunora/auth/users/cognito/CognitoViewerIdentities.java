package io.lunora.auth.users.cognito;

import io.lunora.auth.users.ViewerIdentities;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Viewer identities in the Cognito consumer pool: the viewer id is the token's {@code sub}, found
 * with ListUsers' exact {@code sub} filter, then deleted (its refresh tokens with it).
 */
class CognitoViewerIdentities implements ViewerIdentities {
    private final CognitoIdentityProviderClient cognito;
    private final String consumerPoolId;

    CognitoViewerIdentities(CognitoIdentityProviderClient cognito, String consumerPoolId) {
        this.cognito = cognito;
        this.consumerPoolId = consumerPoolId;
    }

    @Override
    public boolean delete(String viewerId) {
        if (consumerPoolId == null || consumerPoolId.isBlank()) {
            throw new IllegalStateException("lunora.cognito.consumer-pool-id is not set");
        }
        if (!viewerId.matches("[0-9a-fA-F-]{1,64}")) {
            return false; // a sub is a UUID; anything else cannot be quoted into the filter safely
        }
        UserType user = cognito.listUsers(r -> r.userPoolId(consumerPoolId).filter("sub = \"" + viewerId + "\"")
                .limit(1)).users().stream().findFirst().orElse(null);
        if (user == null) {
            return false;
        }
        try {
            cognito.adminDeleteUser(r -> r.userPoolId(consumerPoolId).username(user.username()));
            return true;
        } catch (UserNotFoundException raced) {
            return false;
        }
    }
}
