package io.lunora.engine.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supervised child: started by {@link #start()}, restarted with backoff while wanted if its
 * spec says so, stopped gracefully (stdin closed, SIGTERM) then killed after the pool's grace
 * period. Its stderr is read here: progress lines become {@link Progress} reports, other lines are
 * logged redacted and the last ones kept as the error to show.
 */
public final class ChildProcess {
    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final int ERROR_LINES = 3;

    /**
     * What the owner of a child hears. {@code started}, {@code stopping} and {@code exited} come one
     * at a time in the order of the child's changes, never while the child's lock is held (a slow
     * listener delays only later calls to itself, never a caller of the child), on the thread that
     * made the change or on one of the child's own threads. {@code progress} and {@code line} come
     * on the child's stderr reader as they are read.
     */
    public interface Listener {
        /** The process runs; the owner starts feeding stdin or reading stdout here. */
        default void started(Process process) {
        }

        default void progress(Progress progress) {
        }

        /** A stderr line that is no progress report, secrets already redacted (e.g. FFmpeg's stream description). */
        default void line(String line) {
        }

        /**
         * The process is being stopped for good: stop feeding it now (close stdin from the
         * feeding thread, never from here: a feeder may be blocked on a full pipe). Must not block.
         */
        default void stopping() {
        }

        /** The process ended; {@code restartIn} is null when it will not be restarted. */
        default void exited(int exitCode, String lastError, Duration restartIn) {
        }
    }

    private final ChildSpec spec;
    private final ChildPool pool;
    private final Listener listener;
    private final ListenerCalls calls;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private volatile boolean wanted;
    private volatile Process process;
    private volatile Instant startedAt;
    private ScheduledFuture<?> pendingRestart;

    ChildProcess(ChildSpec spec, ChildPool pool, Listener listener) {
        this.spec = spec;
        this.pool = pool;
        this.listener = listener;
        this.calls = new ListenerCalls(spec.name());
    }

    public String name() {
        return spec.name();
    }

    String executable() {
        return spec.command().get(0);
    }

    public void start() {
        synchronized (this) {
            if (wanted) {
                return;
            }
            wanted = true;
            launch();
        }
        calls.deliver();
    }

    /** The scheduled restart. */
    private void relaunch() {
        synchronized (this) {
            launch();
        }
        calls.deliver();
    }

    /** Starts the process if still wanted; the caller holds the lock and delivers the calls queued. */
    private void launch() {
        if (!wanted || pool.isClosed()) {
            return;
        }
        pendingRestart = null;
        Process started;
        try {
            ProcessBuilder builder = new ProcessBuilder(spec.argv());
            builder.environment().putAll(spec.environment());
            started = builder.start();
        } catch (IOException e) {
            log.warn("{} could not start: {}", spec.name(), pool.redactor().redact(e.getMessage()));
            exited(null, -1, pool.redactor().redact(e.getMessage()));
            return;
        }
        process = started;
        startedAt = Instant.now();
        pool.track(this, started);
        log.debug("{} started as pid {}: {}", spec.name(), started.pid(),
                pool.redactor().redact(String.join(" ", spec.command())));
        Thread.ofVirtual().name(spec.name() + "-stderr").start(() -> readErrors(started));
        calls.queue(() -> listener.started(started));
        started.onExit().thenAccept(p -> {
            String lastError = lastError();
            synchronized (this) {
                exited(p, p.exitValue(), lastError);
            }
            calls.deliver();
        });
    }

    private void readErrors(Process child) {
        ProgressParser parser = new ProgressParser();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (ProgressParser.isProgressLine(line)) {
                    parser.accept(line).ifPresent(listener::progress);
                } else if (!line.isBlank()) {
                    String safe = pool.redactor().redact(line.strip());
                    remember(safe);
                    listener.line(safe);
                    log.debug("{}: {}", spec.name(), safe);
                }
            }
        } catch (IOException closed) {
            log.trace("{} stderr closed", spec.name());
        }
    }

    private synchronized void remember(String line) {
        if (lastLines.size() == ERROR_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }

    private synchronized String lastError() {
        return String.join(" | ", lastLines);
    }

    /** The process ended (or did not start); the caller holds the lock and delivers the calls queued. */
    private void exited(Process ended, int exitCode, String lastError) {
        if (ended != null) {
            pool.untrack(ended);
            if (ended != process) {
                return;
            }
        }
        process = null;
        Duration restartIn = null;
        if (wanted && spec.restart() != null && !pool.isClosed()) {
            restartIn = spec.restart().next();
            pendingRestart = pool.scheduler().schedule(this::relaunch, restartIn.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            wanted = false;
        }
        log.debug("{} exited with {}{}", spec.name(), exitCode,
                restartIn == null ? "" : ", restarting in " + restartIn.toMillis() + " ms");
        Duration restart = restartIn;
        calls.queue(() -> listener.exited(exitCode, lastError, restart));
    }

    /** How long the current process has been running, zero when none runs. */
    public Duration uptime() {
        Instant since = startedAt;
        return process == null || since == null ? Duration.ZERO : Duration.between(since, Instant.now());
    }

    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public Process process() {
        return process;
    }

    /** Stops for good: no restart; quits gracefully, then kills after the grace period. */
    public CompletableFuture<Void> stop() {
        Process current;
        synchronized (this) {
            wanted = false;
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
                pendingRestart = null;
            }
            current = process;
            if (current != null) {
                calls.queue(listener::stopping);
            }
        }
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        calls.deliver();
        return pool.terminate(current);
    }

    /** Kills the running process without stopping supervision (used to test and to force a reconnect). */
    public void kill() {
        Process current = process;
        if (current != null) {
            ChildPool.signal(current, true);
        }
    }
}
