package io.lunora.engine.reality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The engine's FFmpeg children as /proc shows them: command lines, SIGSTOP/SIGCONT, what is still alive. */
final class EngineChildren {
    private EngineChildren() {
    }

    /** The command line's arguments, or empty when the process is gone. */
    static List<String> commandLine(long pid) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return List.of(new String(bytes).split("\0"));
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** The first of {@code pids} whose command line holds {@code argument}. */
    static Optional<Long> find(List<Long> pids, String argument) {
        return pids.stream().filter(pid -> commandLine(pid).contains(argument)).findFirst();
    }

    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The processes whose parent is this JVM (the engine runs in it) and whose program is {@code executable}. */
    static List<Long> childrenRunning(String executable) {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.equals(executable)).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}
