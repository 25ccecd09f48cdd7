package io.lunora.auth.signin.throttle;

import java.time.Duration;

/**
 * An attempt refused before its password or code was looked at, with the words the person reads
 * and how long to wait. The same for an existing and an unknown account name.
 */
public record SignInRefusal(String message, Duration retryAfter) {

    /** Whole seconds, at least one, for {@code Retry-After}. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    static String inWords(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 90) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
