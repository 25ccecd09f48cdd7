package io.lunora.auth.users.cognito;

import io.lunora.auth.users.InviteUserRequest;
import io.lunora.auth.users.UserDirectory;
import io.lunora.auth.users.UserView;
import io.lunora.model.identity.Group;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The internal pool's users through the Cognito admin API. The pool signs in by email
 * ({@code UsernameAttributes: [email]}), so Cognito's username is the {@code sub} (the token's
 * subject and this API's id) and the chosen user name is {@code preferred_username}. Cognito
 * mails the temporary password itself. It has no lockout to report, and ListUsers filters only
 * by prefix on standard attributes, so a search matches names that start with the query and the
 * organization ({@code custom:organization}) is filtered here.
 */
public class CognitoUserDirectory implements UserDirectory {
    static final String ORGANIZATION = "custom:organization";

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoUserDirectory(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public List<UserView> search(String organization, String username, String email) {
        String filter = filter("preferred_username", username);
        if (filter == null) {
            filter = filter("email", email);
        }
        List<UserType> found = new ArrayList<>();
        String query = filter;
        cognito.listUsersPaginator(r -> r.userPoolId(userPoolId).filter(query)).users().forEach(found::add);
        return found.stream()
                .filter(u -> organization.equals(attributes(u.attributes()).get(ORGANIZATION)))
                .filter(u -> startsWith(attributes(u.attributes()).get("email"), email))
                .map(u -> view(u.username()).orElseThrow())
                .sorted(Comparator.comparing(UserView::username))
                .toList();
    }

    @Override
    public Optional<UserView> find(String organization, String id) {
        return view(id).filter(u -> organization.equals(u.organization()));
    }

    @Override
    public Optional<UserView> me(String id) {
        return view(id);
    }

    @Override
    public UserView invite(String organization, InviteUserRequest request) {
        Group group = Group.fromClaimValue(request.group()).orElseThrow();
        String email = request.email().trim();
        UserType user;
        try {
            user = cognito.adminCreateUser(r -> r.userPoolId(userPoolId).username(email)
                    .userAttributes(attribute("email", email), attribute("email_verified", "true"),
                            attribute("preferred_username", request.username()),
                            attribute(ORGANIZATION, organization))
                    .desiredDeliveryMediums(DeliveryMediumType.EMAIL)).user();
        } catch (UsernameExistsException e) {
            throw new ConflictException("A user with this email or user name already exists.");
        }
        cognito.adminAddUserToGroup(r -> r.userPoolId(userPoolId).username(user.username())
                .groupName(group.claimValue()));
        return view(user.username(), attributes(user.attributes()), group, user.enabled(),
                user.userStatusAsString(), false, user.userCreateDate());
    }

    @Override
    public UserView setGroup(UserView user, Group group) {
        if (!group.claimValue().equals(user.group())) {
            cognito.adminAddUserToGroup(r -> r.userPoolId(userPoolId).username(user.id()).groupName(group.claimValue()));
            if (user.group() != null) {
                cognito.adminRemoveUserFromGroup(r -> r.userPoolId(userPoolId).username(user.id())
                        .groupName(user.group()));
            }
        }
        return view(user.id()).orElseThrow(() -> new NotFoundException("user", user.id()));
    }

    @Override
    public UserView setEnabled(UserView user, boolean enabled) {
        if (user.enabled() != enabled) {
            if (enabled) {
                cognito.adminEnableUser(r -> r.userPoolId(userPoolId).username(user.id()));
            } else {
                cognito.adminDisableUser(r -> r.userPoolId(userPoolId).username(user.id()));
            }
        }
        return view(user.id()).orElseThrow(() -> new NotFoundException("user", user.id()));
    }

    /**
     * Cognito mails the user a code and asks for a new password at the next sign-in
     * ({@code RESET_REQUIRED}); the global sign-out revokes the user's refresh tokens.
     */
    @Override
    public UserView resetPassword(UserView user) {
        cognito.adminResetUserPassword(r -> r.userPoolId(userPoolId).username(user.id()));
        cognito.adminUserGlobalSignOut(r -> r.userPoolId(userPoolId).username(user.id()));
        return view(user.id()).orElseThrow(() -> new NotFoundException("user", user.id()));
    }

    /** The authenticator is forgotten; with MFA required by the pool, the next sign-in sets it up again. */
    @Override
    public UserView resetMfa(UserView user) {
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(userPoolId).username(user.id())
                .softwareTokenMfaSettings(m -> m.enabled(false).preferredMfa(false)));
        cognito.adminUserGlobalSignOut(r -> r.userPoolId(userPoolId).username(user.id()));
        return view(user.id()).orElseThrow(() -> new NotFoundException("user", user.id()));
    }

    private Optional<UserView> view(String username) {
        AdminGetUserResponse user;
        try {
            user = cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(username));
        } catch (UserNotFoundException e) {
            return Optional.empty();
        }
        // admins precede operators; a user in neither group has no role here
        Group group = cognito.adminListGroupsForUser(r -> r.userPoolId(userPoolId).username(username)).groups().stream()
                .map(GroupType::groupName).map(Group::fromClaimValue).flatMap(Optional::stream)
                .filter(g -> g == Group.ADMINS || g == Group.OPERATORS)
                .min(Comparator.comparing(g -> g == Group.ADMINS ? 0 : 1)).orElse(null);
        return Optional.of(view(user.username(), attributes(user.userAttributes()), group, user.enabled(),
                user.userStatusAsString(), !user.userMFASettingList().isEmpty(), user.userCreateDate()));
    }

    private static UserView view(String username, Map<String, String> attributes, Group group, Boolean enabled,
            String status, boolean mfa, Instant createdAt) {
        return new UserView(attributes.getOrDefault("sub", username),
                attributes.getOrDefault("preferred_username", username), attributes.get("email"),
                group == null ? null : group.claimValue(), attributes.get(ORGANIZATION), Boolean.TRUE.equals(enabled),
                status, mfa, false, createdAt, null); // Cognito's admin API does not tell the last sign-in
    }

    private static Map<String, String> attributes(List<AttributeType> attributes) {
        return attributes.stream().collect(Collectors.toMap(AttributeType::name, AttributeType::value, (a, b) -> a));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /** A ListUsers prefix filter; the value is quoted, so quotes and backslashes are escaped. */
    private static String filter(String attribute, String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        return attribute + " ^= \"" + query.trim().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean startsWith(String value, String query) {
        return query == null || query.isBlank() || (value != null
                && value.toLowerCase(Locale.ROOT).startsWith(query.trim().toLowerCase(Locale.ROOT)));
    }
}
