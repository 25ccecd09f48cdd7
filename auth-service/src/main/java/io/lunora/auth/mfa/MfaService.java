package io.lunora.auth.mfa;

import io.lunora.auth.users.MfaEnrolments;
import io.lunora.auth.users.UserAccount;
import io.lunora.auth.users.UserStore;
import io.lunora.support.secrets.SecretStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * TOTP enrolment and verification. The secret lives in the secret store (encrypted locally, SSM
 * in AWS), never in the Users table; a code is accepted once: the step it belongs to must be
 * later than the last accepted one.
 */
@Service
public class MfaService implements MfaEnrolments {
    /** The name shown in authenticator apps. */
    public static final String ISSUER_LABEL = "Lunora Live";

    private final SecretStore secrets;
    private final UserStore users;
    private final Clock clock;

    MfaService(SecretStore secrets, UserStore users, Clock clock) {
        this.secrets = secrets;
        this.users = users;
        this.clock = clock;
    }

    /** A fresh secret for the enrolment page; nothing is stored until it is confirmed with a code. */
    public Enrolment start(UserAccount user) {
        return enrolment(user, Totp.newSecret());
    }

    /** The page content for a secret already shown (after a wrong confirmation code). */
    public Enrolment enrolment(UserAccount user, String secret) {
        return new Enrolment(secret, Totp.otpauthUri(ISSUER_LABEL, user.username(), secret));
    }

    /**
     * Stores the secret when {@code code} proves the authenticator has it; returns the backup codes
     * to show once, or empty when the code is wrong.
     */
    public Optional<Confirmed> confirm(UserAccount user, String secret, String code) {
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = BackupCodes.generate();
        secrets.put(secretName(user.id()), secret);
        UserAccount saved = users.save(user.withMfa(true, step.getAsLong(),
                codes.stream().map(BackupCodes::hash).toList()));
        return Optional.of(new Confirmed(saved, codes));
    }

    /** Checks a TOTP code (unused step) or an unused backup code; the user as saved when accepted. */
    public Optional<UserAccount> verify(UserAccount user, String code) {
        if (code == null || code.isBlank() || !user.mfaEnrolled()) {
            return Optional.empty();
        }
        String trimmed = code.strip();
        if (trimmed.matches("\\d{6}")) {
            String secret = secrets.get(secretName(user.id())).orElseThrow(
                    () -> new IllegalStateException("TOTP secret missing for an enrolled user"));
            OptionalLong step = Totp.matchingStep(secret, trimmed, clock.instant());
            if (step.isEmpty() || step.getAsLong() <= user.totpLastStep()) {
                return Optional.empty();
            }
            return Optional.of(users.save(user.withMfa(true, step.getAsLong(), user.backupCodeHashes())));
        }
        String hash = BackupCodes.hash(trimmed);
        if (!user.backupCodeHashes().contains(hash)) {
            return Optional.empty();
        }
        List<String> remaining = new ArrayList<>(user.backupCodeHashes());
        remaining.remove(hash);
        return Optional.of(users.save(user.withMfa(true, user.totpLastStep(), remaining)));
    }

    /**
     * The user without TOTP enrolment or backup codes (an admin's reset): the next sign-in enrols
     * again. The old secret is deleted, so the lost device's codes are worth nothing.
     */
    @Override
    public UserAccount withoutEnrolment(UserAccount user) {
        secrets.delete(secretName(user.id()));
        return user.withMfa(false, 0, List.of());
    }

    static String secretName(String userId) {
        return "/lunora-player/auth/totp-" + userId;
    }

    public record Enrolment(String secret, String otpauthUri) {
    }

    public record Confirmed(UserAccount user, List<String> backupCodes) {
    }
}
