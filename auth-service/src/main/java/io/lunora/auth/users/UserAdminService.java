package io.lunora.auth.users;

import io.lunora.auth.mail.InvitationMailer;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import io.lunora.support.security.SecurityProperties;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The admins' user management for the internal pool, always inside the caller's organization: a
 * user of another organization is reported as not found.
 */
@Service
public class UserAdminService {
    public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}";
    private static final Logger log = LoggerFactory.getLogger(UserAdminService.class);

    private final UserStore users;
    private final Passwords passwords;
    private final InvitationMailer mailer;
    private final String issuer;
    private final Clock clock;

    UserAdminService(UserStore users, Passwords passwords, InvitationMailer mailer, SecurityProperties security,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.mailer = mailer;
        this.issuer = security.issuer().replaceAll("/+$", "");
        this.clock = clock;
    }

    public List<UserView> search(Caller caller, String username, String email) {
        return users.findByOrganization(Pool.INTERNAL, caller.requireOrganization()).stream()
                .filter(u -> contains(u.username(), username) && contains(u.email(), email))
                .sorted(Comparator.comparing(UserAccount::username))
                .map(this::view).toList();
    }

    public UserView get(Caller caller, String id) {
        return view(inOrganization(caller, id));
    }

    public UserView me(Caller caller) {
        return users.findById(caller.userId()).map(this::view)
                .orElseThrow(() -> new NotFoundException("user", caller.userId()));
    }

    /**
     * Creates the user with a temporary password and mails it. The mail goes out before the user
     * is stored: when the SMTP server refuses it, nothing is created.
     */
    public UserView invite(Caller caller, InviteUserRequest request) {
        String organization = caller.requireOrganization();
        if (users.findByUsername(Pool.INTERNAL, request.username()).isPresent()) {
            throw new InvalidFieldException("username", "is already taken");
        }
        if (users.findByEmail(Pool.INTERNAL, request.email()).isPresent()) {
            throw new InvalidFieldException("email", "belongs to another user");
        }
        Group group = Group.fromClaimValue(request.group()).orElseThrow();
        String temporary = Passwords.generate();
        UserAccount draft = new UserAccount(UUID.randomUUID().toString(), Pool.INTERNAL, request.username(),
                request.email().trim(), group, organization, true, null, List.of(), clock.instant(), true, 0, null,
                false, 0, List.of(), clock.instant(), null);
        UserAccount user = draft.withPassword(passwords.hashNew(draft, temporary, "password"), List.of(),
                clock.instant(), true);
        mailer.sendInvitation(user, temporary, issuer + (group == Group.ADMINS ? "/admin" : "/stream"));
        UserAccount saved = users.save(user);
        log.info("User {} invited into organization {} as {} by {}", saved.id(), organization, group.claimValue(),
                caller.userId());
        return view(saved);
    }

    public UserView changeGroup(Caller caller, String id, ChangeUserRequest request) {
        UserAccount user = inOrganization(caller, id);
        Group group = Group.fromClaimValue(request.group()).orElseThrow();
        if (user.id().equals(caller.userId()) && group != Group.ADMINS) {
            throw new ConflictException("You cannot remove your own admin role; ask another admin.");
        }
        return view(users.save(user.withGroup(group)));
    }

    public UserView setEnabled(Caller caller, String id, boolean enabled) {
        UserAccount user = inOrganization(caller, id);
        if (!enabled && user.id().equals(caller.userId())) {
            throw new ConflictException("You cannot disable your own account.");
        }
        return view(user.enabled() == enabled ? user : users.save(user.withEnabled(enabled)));
    }

    private UserAccount inOrganization(Caller caller, String id) {
        String organization = caller.requireOrganization();
        return users.findById(id)
                .filter(u -> u.pool() == Pool.INTERNAL && organization.equals(u.organizationId()))
                .orElseThrow(() -> new NotFoundException("user", id));
    }

    private UserView view(UserAccount user) {
        return UserView.of(user, clock.instant());
    }

    private static boolean contains(String value, String query) {
        return query == null || query.isBlank()
                || value.toLowerCase(Locale.ROOT).contains(query.trim().toLowerCase(Locale.ROOT));
    }
}
