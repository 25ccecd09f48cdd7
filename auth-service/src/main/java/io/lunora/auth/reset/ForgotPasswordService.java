package io.lunora.auth.reset;

import io.lunora.auth.mail.AccountMail;
import io.lunora.auth.mail.AccountMailer;
import io.lunora.auth.users.PasswordPolicy;
import io.lunora.auth.users.Passwords;
import io.lunora.auth.users.UserAccount;
import io.lunora.auth.users.UserStore;
import io.lunora.model.identity.Pool;
import io.lunora.support.problem.InvalidFieldException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * Self-service "Forgot password" of both pools in local mode (Cognito has its own in AWS). Asking
 * answers alike whether the account exists, is disabled or was just mailed; the mail goes out on
 * its own thread so that the answer takes the same time either way. A redeemed code sets the new
 * password under the pool's policy and history; the change revokes the tokens issued before it
 * (the gateway's check reads {@code password_changed_at}). MFA still applies at the next sign-in.
 */
@Service
@ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
public class ForgotPasswordService implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ForgotPasswordService.class);

    /** What a reset attempt came to. */
    public sealed interface Outcome {
        record Changed() implements Outcome {
        }

        /** Wrong, expired, used or unknown: one answer for all. */
        record BadCode() implements Outcome {
        }

        record PasswordRefused(String message) implements Outcome {
        }
    }

    private final UserStore users;
    private final Passwords passwords;
    private final AccountMailer mailer;
    private final ResetCodes codes;
    private final ResetRequestThrottle throttle = new ResetRequestThrottle();
    private final ExecutorService mailing = Executors.newVirtualThreadPerTaskExecutor();

    ForgotPasswordService(UserStore users, Passwords passwords, AccountMailer mailer, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.mailer = mailer;
        this.codes = new ResetCodes(clock);
    }

    /** False when the address asked too often (the caller answers 429); otherwise a code may be on its way. */
    public boolean request(Pool pool, String account, String address) {
        if (!throttle.admitAddress(address)) {
            return false;
        }
        find(pool, account).filter(UserAccount::enabled).filter(u -> throttle.admitMail(u.id())).ifPresent(user -> {
            String code = codes.issue(user.id());
            mailing.execute(() -> {
                try {
                    mailer.send(user.email(), AccountMail.resetCode(user.username(), code, ResetCodes.VALID_FOR));
                } catch (RuntimeException e) {
                    log.warn("Password reset mail for user {} not delivered: {}", user.id(), e.getClass().getSimpleName());
                }
            });
        });
        return true;
    }

    /** The pool's password policy as configured, for the reset page to state. */
    public PasswordPolicy policy(Pool pool) {
        return passwords.policy(pool);
    }

    public Outcome reset(Pool pool, String account, String code, String newPassword) {
        // the policy first, so that a too weak password does not use up the code
        Optional<String> weak = passwords.policy(pool).violation(newPassword);
        if (weak.isPresent()) {
            return new Outcome.PasswordRefused("The password " + weak.get() + ".");
        }
        Optional<UserAccount> user = find(pool, account).filter(UserAccount::enabled);
        if (user.isEmpty() || !codes.redeem(user.get().id(), code)) {
            return new Outcome.BadCode();
        }
        try {
            users.save(passwords.change(user.get(), newPassword, false, "password"));
        } catch (InvalidFieldException refused) {
            // a reused password: the code is spent, the page says to ask for a new one
            return new Outcome.PasswordRefused(refused.getMessage() + " Ask for a new code.");
        }
        log.info("Password of user {} reset with a mailed code", user.get().id());
        return new Outcome.Changed();
    }

    private Optional<UserAccount> find(Pool pool, String account) {
        if (account == null || account.isBlank() || account.length() > 254) {
            return Optional.empty();
        }
        return account.contains("@") ? users.findByEmail(pool, account) : users.findByUsername(pool, account);
    }

    @Override
    public void destroy() {
        mailing.shutdown();
    }
}
