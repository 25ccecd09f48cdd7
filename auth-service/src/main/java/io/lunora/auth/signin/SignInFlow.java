package io.lunora.auth.signin;

import io.lunora.auth.AuthProperties;
import io.lunora.auth.users.Passwords;
import io.lunora.auth.users.UserAccount;
import io.lunora.auth.users.UserStore;
import io.lunora.model.identity.Pool;
import io.lunora.support.problem.ConcurrentChangeException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The rules of a sign-in: password check with lockout, then the steps a user still owes (new
 * password, MFA enrolment, MFA code) before tokens can be issued.
 */
@Service
public class SignInFlow {
    private static final Logger log = LoggerFactory.getLogger(SignInFlow.class);
    static final String INVALID = "Incorrect user name or password.";

    enum Step {
        SET_PASSWORD("/auth/password"), ENROL_MFA("/auth/mfa/setup"), MFA_CHALLENGE("/auth/mfa"), COMPLETE(null);

        final String path;

        Step(String path) {
            this.path = path;
        }
    }

    sealed interface PasswordCheck {
        record Accepted(UserAccount user) implements PasswordCheck {
        }

        record Refused(String message) implements PasswordCheck {
        }

        /** The right password of a self-registered viewer who has not entered the mailed code yet. */
        record Unverified(UserAccount user) implements PasswordCheck {
        }
    }

    private final UserStore users;
    private final Passwords passwords;
    private final AuthProperties properties;
    private final Clock clock;

    SignInFlow(UserStore users, Passwords passwords, AuthProperties properties, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
    }

    PasswordCheck checkPassword(Pool pool, String username, String password) {
        Optional<UserAccount> found = username == null || username.isBlank() ? Optional.empty()
                : users.findByUsername(pool, username);
        if (found.isEmpty()) {
            passwords.spendComparableTime(password);
            return new PasswordCheck.Refused(INVALID);
        }
        UserAccount user = found.get();
        if (user.isLockedAt(clock.instant())) {
            passwords.spendComparableTime(password);
            return new PasswordCheck.Refused(INVALID); // the same answer as for an unknown user or a wrong password
        }
        if (!passwords.matches(password, user.passwordHash()) || !user.enabled()) {
            recordFailure(user);
            return new PasswordCheck.Refused(INVALID);
        }
        // The failure count stays until the whole sign-in succeeds (signedIn): a right password
        // followed by wrong TOTP codes counts towards the lockout like wrong passwords.
        if (!user.emailVerified()) {
            return new PasswordCheck.Unverified(user);
        }
        return new PasswordCheck.Accepted(user);
    }

    /** After every factor was accepted: the failures of this account are forgotten. */
    UserAccount signedIn(UserAccount user) {
        return user.failedSignIns() > 0 || user.lockedUntil() != null ? update(user, u -> u.withFailures(0, null)) : user;
    }

    /** Counts a failed password or code, of either factor; returns true when the account is locked now. */
    boolean recordFailure(UserAccount user) {
        Instant now = clock.instant();
        UserAccount saved = update(user, u -> {
            int failures = u.failedSignIns() + 1;
            return failures >= properties.maxFailedSignIns()
                    ? u.withFailures(0, now.plus(properties.lockout()))
                    : u.withFailures(failures, u.lockedUntil());
        });
        if (saved.isLockedAt(now)) {
            log.warn("User {} locked after {} failed sign-ins", saved.id(), properties.maxFailedSignIns());
            return true;
        }
        return false;
    }

    Step next(PendingSignIn pending, UserAccount user) {
        if (user.passwordTemporary() || passwords.expired(user)) {
            return Step.SET_PASSWORD;
        }
        if (user.pool() == Pool.INTERNAL && properties.mfaRequired()) {
            if (!user.mfaEnrolled()) {
                return Step.ENROL_MFA;
            }
            if (!pending.mfaPassed()) {
                return Step.MFA_CHALLENGE;
            }
        }
        return Step.COMPLETE;
    }

    /** The pending user as stored now; empty when it vanished, was disabled or got locked meanwhile. */
    Optional<UserAccount> current(PendingSignIn pending) {
        return users.findById(pending.userId())
                .filter(u -> u.enabled() && u.pool() == pending.pool() && !u.isLockedAt(clock.instant()));
    }

    UserAccount save(UserAccount user) {
        return users.save(user);
    }

    /** Applies a change to the latest stored version, retrying once when another write won. */
    private UserAccount update(UserAccount user, UnaryOperator<UserAccount> change) {
        try {
            return users.save(change.apply(user));
        } catch (ConcurrentChangeException raced) {
            return users.save(change.apply(users.findById(user.id()).orElseThrow()));
        }
    }
}
