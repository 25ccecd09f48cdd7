package io.lunora.engine.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What to run as one child: a name for logs and metrics, the command line, its environment,
 * whether it is restarted (with backoff) when it exits while still wanted, and its CPU priority.
 *
 * @param restart  the backoff of restarts, or null to run once
 * @param niceness the child's nice value (0: the engine's own priority); applied by starting it
 *                 through {@code nice}, which execs the command in place, so the pid and argv[0]
 *                 the child registry records are the command's own
 */
public record ChildSpec(String name, List<String> command, Map<String, String> environment, Backoff restart,
        int niceness) {
    private static final Path NICE = Path.of("/usr/bin/nice");

    public ChildSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("niceness must be 0 to 19");
        }
    }

    public ChildSpec(String name, List<String> command, Map<String, String> environment, Backoff restart) {
        this(name, command, environment, restart, 0);
    }

    /** What is started: the command, through {@code nice} when it has a niceness and the machine has nice. */
    List<String> argv() {
        if (niceness == 0 || !Files.isExecutable(NICE)) {
            return command;
        }
        List<String> argv = new ArrayList<>(List.of(NICE.toString(), "-n", Integer.toString(niceness)));
        argv.addAll(command);
        return argv;
    }
}
