package io.lunora.auth.users;

import io.lunora.auth.mail.AccountMail;
import io.lunora.auth.mail.AccountMailer;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.SecurityProperties;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The user directory of local mode: the {@link UserStore}, with invitations mailed over SMTP. */
@Component
@ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
class LocalUserDirectory implements UserDirectory {
    private final UserStore users;
    private final Passwords passwords;
    private final AccountMailer mailer;
    private final MfaEnrolments mfa;
    private final String issuer;
    private final Clock clock;

    LocalUserDirectory(UserStore users, Passwords passwords, AccountMailer mailer,
            MfaEnrolments mfa, SecurityProperties security, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.mailer = mailer;
        this.mfa = mfa;
        this.issuer = security.issuer().replaceAll("/+$", "");
        this.clock = clock;
    }

    @Override
    public List<UserView> search(String organization, String username, String email) {
        return users.findByOrganization(Pool.INTERNAL, organization).stream()
                .filter(u -> contains(u.username(), username) && contains(u.email(), email))
                .sorted(Comparator.comparing(UserAccount::username))
                .map(this::view).toList();
    }

    @Override
    public Optional<UserView> find(String organization, String id) {
        return account(organization, id).map(this::view);
    }

    @Override
    public Optional<UserView> me(String id) {
        return users.findById(id).map(this::view);
    }

    /** The mail goes out before the user is stored: when the SMTP server refuses it, nothing is created. */
    @Override
    public UserView invite(String organization, InviteUserRequest request) {
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
        mailer.send(user.email(), AccountMail.invitation(user.username(), temporary, signInUrl(group)));
        return view(users.save(user));
    }

    @Override
    public UserView setGroup(UserView user, Group group) {
        return view(users.save(account(user.organization(), user.id())
                .orElseThrow(() -> new NotFoundException("user", user.id())).withGroup(group)));
    }

    @Override
    public UserView setEnabled(UserView user, boolean enabled) {
        UserAccount account = account(user.organization(), user.id())
                .orElseThrow(() -> new NotFoundException("user", user.id()));
        if (account.enabled() == enabled) {
            return view(account);
        }
        // a disabled user's tokens stay refused after a later enable: they were issued before the disable
        UserAccount changed = account.withEnabled(enabled);
        return view(users.save(enabled ? changed : changed.withTokensRevokedAt(clock.instant())));
    }

    /** The mail goes out before the password changes: when the SMTP server refuses it, nothing changes. */
    @Override
    public UserView resetPassword(UserView user) {
        UserAccount account = existing(user);
        String temporary = Passwords.generate();
        UserAccount reset = passwords.change(account, temporary, true, "password");
        mailer.send(account.email(), AccountMail.temporaryPassword(account.username(), temporary,
                signInUrl(account.group())));
        return view(users.save(reset.withTokensRevokedAt(clock.instant())));
    }

    @Override
    public UserView resetMfa(UserView user) {
        return view(users.save(mfa.withoutEnrolment(existing(user)).withTokensRevokedAt(clock.instant())));
    }

    private UserAccount existing(UserView user) {
        return account(user.organization(), user.id()).orElseThrow(() -> new NotFoundException("user", user.id()));
    }

    private String signInUrl(Group group) {
        return issuer + (group == Group.ADMINS ? "/admin" : "/stream");
    }

    private Optional<UserAccount> account(String organization, String id) {
        return users.findById(id).filter(u -> u.pool() == Pool.INTERNAL && organization.equals(u.organizationId()));
    }

    private UserView view(UserAccount user) {
        return UserView.of(user, clock.instant());
    }

    private static boolean contains(String value, String query) {
        return query == null || query.isBlank()
                || value.toLowerCase(Locale.ROOT).contains(query.trim().toLowerCase(Locale.ROOT));
    }
}
