package io.lunora.auth.signin.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed sign-ins (wrong passwords and wrong codes alike) are slowed down.
 *
 * @param freeFailures          failures of one account before its attempts are delayed
 * @param baseDelay             the first delay; it doubles with every further failure
 * @param maxDelay              the longest delay an account's attempts get from unfamiliar addresses
 * @param pauseAfter            failures of one account from one address that pause that address for it
 * @param pause                 how long such a pause lasts (time-bounded, never a permanent lock)
 * @param addressFailures       failures one client address may make, over all accounts, per {@code addressWindow}
 * @param addressWindow         the window of {@code addressFailures}
 * @param familiarFor           how long an address that completed a sign-in stays exempt from the account's delay
 * @param maxRemembered         accounts, pairs and addresses remembered (least recent forgotten first)
 */
@ConfigurationProperties(prefix = "lunora.auth.sign-in-protection")
public record SignInProtectionProperties(int freeFailures, Duration baseDelay, Duration maxDelay, int pauseAfter,
        Duration pause, int addressFailures, Duration addressWindow, Duration familiarFor, int maxRemembered) {
    public SignInProtectionProperties {
        freeFailures = freeFailures <= 0 ? 3 : freeFailures;
        baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(1) : maxDelay;
        pauseAfter = pauseAfter <= 0 ? 10 : pauseAfter;
        pause = pause == null ? Duration.ofMinutes(15) : pause;
        addressFailures = addressFailures <= 0 ? 50 : addressFailures;
        addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
        familiarFor = familiarFor == null ? Duration.ofDays(30) : familiarFor;
        maxRemembered = maxRemembered <= 0 ? 100_000 : maxRemembered;
    }
}
