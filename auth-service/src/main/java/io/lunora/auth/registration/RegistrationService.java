package io.lunora.auth.registration;

import io.lunora.auth.mail.AccountMail;
import io.lunora.auth.mail.AccountMailer;
import io.lunora.auth.users.EmailVerification;
import io.lunora.auth.users.Passwords;
import io.lunora.auth.users.UserAccount;
import io.lunora.auth.users.UserAdminService;
import io.lunora.auth.users.UserStore;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.support.problem.ConcurrentChangeException;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.security.SecurityProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Self-registration in the consumer pool (Cognito's sign-up and confirm-sign-up): the account is
 * created in group {@code free} with a pending email verification and cannot sign in until the
 * mailed code is entered. An email address that already has an account gets the same answer as a
 * new one, so the form does not tell whether an address is registered; its owner is told by mail.
 */
@Service
public class RegistrationService {
    static final Duration CODE_TTL = Duration.ofHours(1);
    static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_CODE_ATTEMPTS = 5;
    private static final String EMAIL = "[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}";
    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final UserStore users;
    private final Passwords passwords;
    private final AccountMailer mailer;
    private final String issuer;
    private final Clock clock;

    RegistrationService(UserStore users, Passwords passwords, AccountMailer mailer, SecurityProperties security,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.mailer = mailer;
        this.issuer = security.issuer().replaceAll("/+$", "");
        this.clock = clock;
    }

    /** Outcome of a resend request. */
    public enum Resend {
        /** a new code went out, or there is no unverified account of that name (same answer) */
        SENT,
        /** the last code went out less than a minute ago */
        TOO_SOON
    }

    /**
     * Registers the viewer and mails the code; the mail goes out before the user is stored, so a
     * refused mail leaves nothing behind.
     *
     * @throws InvalidFieldException for a bad or taken user name, a bad email address or a weak password
     * @throws MailException when the SMTP server refuses the code (nothing was stored)
     */
    public void register(String username, String email, String password) {
        String name = username == null ? "" : username.strip();
        String address = email == null ? "" : email.strip();
        if (!name.matches(UserAdminService.USERNAME_PATTERN)) {
            throw new InvalidFieldException("username",
                    "must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (address.length() > 254 || !address.matches(EMAIL)) {
            throw new InvalidFieldException("email", "must be a valid email address");
        }
        Instant now = clock.instant();
        UserAccount draft = new UserAccount(UUID.randomUUID().toString(), Pool.CONSUMER, name, address, Group.FREE,
                null, true, null, List.of(), now, false, 0, null, false, 0, List.of(), now, null);
        String hash = passwords.hashNew(draft, password, "password");
        if (users.findByUsername(Pool.CONSUMER, name).isPresent()) {
            throw new InvalidFieldException("username", "is already taken");
        }
        Optional<UserAccount> owner = users.findByEmail(Pool.CONSUMER, address);
        if (owner.isPresent()) {
            try {
                mailer.send(owner.get().email(), AccountMail.alreadyRegistered(owner.get().username(),
                        "sign in at " + issuer + "/watch with that user name. If you have not verified the address "
                                + "yet, ask for a new code at " + verifyUrl(owner.get().username())));
            } catch (MailException e) {
                // the registrant must get the answer of a new account either way
                log.warn("Notice to consumer {} not delivered: {}", owner.get().id(), e.getClass().getSimpleName());
            }
            log.info("Registration with the address of consumer {} refused; its owner was notified", owner.get().id());
            return;
        }
        String code = VerificationCodes.generate();
        UserAccount user = draft.withPassword(hash, List.of(), now, false).withVerification(pending(draft.id(), code, now));
        mailer.send(address, AccountMail.verificationCode(name, code, verifyUrl(name)));
        UserAccount saved = users.save(user);
        log.info("Consumer {} registered; email verification pending", saved.id());
    }

    /** True when the code is the unverified account's current one; the account can sign in from then on. */
    public boolean verify(String username, String code) {
        Optional<UserAccount> found = unverified(username);
        if (found.isEmpty()) {
            return false;
        }
        UserAccount user = found.get();
        EmailVerification pending = user.verification();
        boolean usable = pending.failedAttempts() < MAX_CODE_ATTEMPTS && clock.instant().isBefore(pending.expiresAt());
        if (!usable) {
            return false;
        }
        try {
            if (!VerificationCodes.matches(user.id(), code, pending.codeHash())) {
                users.save(user.withVerification(pending.withFailure()));
                return false;
            }
            users.save(user.withVerification(null));
        } catch (ConcurrentChangeException raced) {
            return false; // another attempt on the same code changed the account first
        }
        log.info("Consumer {} verified the email address", user.id());
        return true;
    }

    /** Mails a new code to an unverified account, at most once a minute. */
    public Resend resend(String username) {
        Optional<UserAccount> found = unverified(username);
        if (found.isEmpty()) {
            return Resend.SENT;
        }
        UserAccount user = found.get();
        Instant now = clock.instant();
        if (user.verification().sentAt() != null && now.isBefore(user.verification().sentAt().plus(RESEND_INTERVAL))) {
            return Resend.TOO_SOON;
        }
        String code = VerificationCodes.generate();
        mailer.send(user.email(), AccountMail.verificationCode(user.username(), code, verifyUrl(user.username())));
        users.save(user.withVerification(pending(user.id(), code, now)));
        return Resend.SENT;
    }

    private Optional<UserAccount> unverified(String username) {
        if (username == null || !username.strip().matches(UserAdminService.USERNAME_PATTERN)) {
            return Optional.empty();
        }
        return users.findByUsername(Pool.CONSUMER, username.strip()).filter(u -> !u.emailVerified());
    }

    private static EmailVerification pending(String userId, String code, Instant now) {
        return new EmailVerification(VerificationCodes.hash(userId, code), now.plus(CODE_TTL), now, 0);
    }

    private String verifyUrl(String username) {
        return issuer + "/auth/verify?username=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    }
}
