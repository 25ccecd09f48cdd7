package io.lunora.auth.signin;

import io.lunora.auth.AuthProperties;
import io.lunora.auth.signin.throttle.SignInRefusal;
import io.lunora.auth.signin.throttle.SignInThrottle;
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
 * The rules of a sign-in: password check (throttled by {@link SignInThrottle}), then the steps a user still owes (new
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

        /** Not tried at all: too many failures of this name or from this address just now. */
        record Throttled(SignInRefusal refusal) implements PasswordCheck {
        }

        /** The right password of a self-registered viewer who has not entered the mailed code yet. */
        record Unverified(UserAccount user) implements PasswordCheck {
        }
    }

    private final UserStore users;
    private final Passwords passwords;
    private final AuthProperties properties;
    private final SignInThrottle throttle;
    private final Clock clock;

    SignInFlow(UserStore users, Passwords passwords, AuthProperties properties, SignInThrottle throttle, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.throttle = throttle;
        this.clock = clock;
    }

    /**
     * The password step from {@code address} (the client's, as the trusted proxies report it). A
     * throttled attempt is refused before anything is looked up, alike for known and unknown names.
     */
    PasswordCheck checkPassword(Pool pool, String username, String password, String address) {
        Optional<SignInRefusal> throttled = throttle.check(pool, username, address);
        if (throttled.isPresent()) {
            return new PasswordCheck.Throttled(throttled.get());
        }
        Optional<UserAccount> found = username == null || username.isBlank() ? Optional.empty()
                : users.findByUsername(pool, username);
        if (found.isEmpty()) {
            passwords.spendComparableTime(password);
            throttle.failed(pool, username, address);
            return new PasswordCheck.Refused(INVALID);
        }
        UserAccount user = found.get();
        if (!passwords.matches(password, user.passwordHash()) || !user.enabled()) {
            recordFailure(user, address);
            return new PasswordCheck.Refused(INVALID);
        }
        // The failure count stays until the whole sign-in succeeds (signedIn): a right password
        // followed by wrong TOTP codes counts like wrong passwords.
        if (!user.emailVerified()) {
            return new PasswordCheck.Unverified(user);
        }
        return new PasswordCheck.Accepted(user);
    }

    /**
     * After every factor was accepted: the failures of this account are forgotten, the address is
     * familiar, and the time is kept as the user's last sign-in (shown to admins).
     */
    UserAccount signedIn(UserAccount user, String address) {
        throttle.succeeded(user.pool(), user.username(), address);
        Instant now = clock.instant();
        return update(user, u -> u.withFailures(0, null).withLastSignInAt(now));
    }

    /** Whether the second factor of {@code user} may be tried from {@code address} now. */
    Optional<SignInRefusal> throttled(UserAccount user, String address) {
        return throttle.check(user.pool(), user.username(), address);
    }

    /**
     * Counts a failed password or code, of either factor. The account keeps its count and, as
     * {@code locked_until}, when its attempts are no longer delayed (what admins see as locked).
     */
    void recordFailure(UserAccount user, String address) {
        Instant delayedUntil = throttle.failed(user.pool(), user.username(), address);
        UserAccount saved = update(user, u -> u.withFailures(u.failedSignIns() + 1,
                delayedUntil.isAfter(clock.instant()) ? delayedUntil : null));
        if (saved.failedSignIns() % 5 == 0) {
            log.warn("User {}: {} failed sign-ins in a row", saved.id(), saved.failedSignIns());
        }
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

    /**
     * The pending user as stored now; empty when it vanished or was disabled meanwhile. Others'
     * failures do not end a sign-in in progress: its next code is throttled like any attempt.
     */
    Optional<UserAccount> current(PendingSignIn pending) {
        return users.findById(pending.userId())
                .filter(u -> u.enabled() && u.pool() == pending.pool());
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
