package io.lunora.engine.process;

import java.util.List;
import java.util.Map;

/**
 * What to run as one child: a name for logs and metrics, the command line, its environment, and
 * whether it is restarted (with backoff) when it exits while still wanted.
 *
 * @param restart the backoff of restarts, or null to run once
 */
public record ChildSpec(String name, List<String> command, Map<String, String> environment, Backoff restart) {
    public ChildSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
