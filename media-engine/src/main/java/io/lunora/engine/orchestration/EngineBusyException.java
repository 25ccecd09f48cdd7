package io.lunora.engine.orchestration;

import java.time.Duration;

/**
 * An organization's run loop did not finish a command within its deadline (a stop of many
 * children, a machine starved of CPU). The command still runs; every command is idempotent, so
 * the caller tries again. Answered as 503, never left hanging.
 */
public class EngineBusyException extends RuntimeException {
    public EngineBusyException(String organizationId, String command, Duration deadline) {
        super("The engine did not finish '" + command + "' for " + organizationId + " within " + deadline.toSeconds()
                + " s; it is still working on it. Try again shortly.");
    }
}
