package io.lunora.auth.users;

import io.lunora.model.identity.Group;
import java.util.List;
import java.util.Optional;

/**
 * The internal users as the admin API needs them: the local store in local mode, the Cognito
 * admin API in aws mode. Organization scoping and the self-protection rules stay in
 * {@link UserAdminService}, so both implementations obey them alike.
 */
public interface UserDirectory {

    /** Internal users of the organization whose username and email contain the (optional) queries. */
    List<UserView> search(String organization, String username, String email);

    /** An internal user of that organization; another organization's user is absent. */
    Optional<UserView> find(String organization, String id);

    /** The signed-in user, whatever pool. */
    Optional<UserView> me(String id);

    /** Creates the user with a temporary password that reaches the invitee by mail. */
    UserView invite(String organization, InviteUserRequest request);

    UserView setGroup(UserView user, Group group);

    UserView setEnabled(UserView user, boolean enabled);

    /**
     * An admin's reset: a new temporary password that reaches the user by mail and must be changed
     * at the next sign-in; the user's tokens are revoked.
     */
    UserView resetPassword(UserView user);

    /** An admin's reset: MFA enrolment cleared (the next sign-in enrols again); the user's tokens are revoked. */
    UserView resetMfa(UserView user);
}
