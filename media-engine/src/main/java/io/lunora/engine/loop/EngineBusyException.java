package io.lunora.engine.loop;

import java.time.Duration;

/**
 * A run loop (an organization's, a switcher's) did not finish a command within its deadline (a
 * stop of many children, a machine starved of CPU). The command still runs; every command is idempotent, so
 * the caller tries again. Answered as 503, never left hanging.
 */
public class EngineBusyException extends RuntimeException {
    public EngineBusyException(String owner, String command, Duration deadline) {
        super("The engine did not finish '" + command + "' for " + owner + " within " + deadline.toSeconds()
                + " s; it is still working on it. Try again shortly.");
    }
}
