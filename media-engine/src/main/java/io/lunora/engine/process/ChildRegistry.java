package io.lunora.engine.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pid file of the engine's children. A line holds the pid, its start time and executable;
 * a process is ended at start-up only when all three still match (so a reused pid is left alone).
 */
public final class ChildRegistry {
    private static final Logger log = LoggerFactory.getLogger(ChildRegistry.class);

    private final Path file;

    public ChildRegistry(Path file) {
        this.file = file;
    }

    /** A running child and the executable it was started with (argv[0]). */
    record Tracked(Process process, String executable) {
    }

    synchronized void record(Collection<Tracked> children) {
        String lines = children.stream()
                .map(c -> c.process().info().startInstant().map(start -> c.process().pid() + " "
                        + start.toEpochMilli() + " " + c.executable()).orElse(null))
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.joining("\n"));
        try {
            Files.createDirectories(file.getParent());
            // a temporary file of its own per write: another registry on the same folder (an engine
            // starting while the old one's children exit) may be writing at the same moment
            Path temporary = Files.createTempFile(file.getParent(), "children", ".tmp");
            Files.writeString(temporary, lines, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file " + file, e);
        }
    }

    /** Ends the processes of the last run that still match their record; returns how many. */
    int endOrphans(Duration grace) {
        if (!Files.exists(file)) {
            return 0;
        }
        List<ProcessHandle> orphans;
        try {
            orphans = Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                    .map(ChildRegistry::matching).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pid file " + file, e);
        }
        orphans.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle orphan : orphans) {
            long remaining = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            orphan.onExit().completeOnTimeout(orphan, remaining, java.util.concurrent.TimeUnit.MILLISECONDS).join();
            if (orphan.isAlive()) {
                orphan.destroyForcibly();
            }
        }
        record(List.of());
        return orphans.size();
    }

    private static Optional<ProcessHandle> matching(String line) {
        String[] parts = line.split(" ", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        long pid = Long.parseLong(parts[0]);
        long startMillis = Long.parseLong(parts[1]);
        return ProcessHandle.of(pid)
                .filter(h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == startMillis)
                .filter(h -> executableOf(pid).map(parts[2]::equals).orElse(false));
    }

    /** argv[0] from /proc: the command as it was started, whatever the process renamed itself to. */
    private static Optional<String> executableOf(long pid) {
        try {
            byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            int end = 0;
            while (end < cmdline.length && cmdline[end] != 0) {
                end++;
            }
            return Optional.of(new String(cmdline, 0, end, StandardCharsets.UTF_8));
        } catch (IOException gone) {
            log.trace("process {} has no cmdline", pid);
            return Optional.empty();
        }
    }
}
