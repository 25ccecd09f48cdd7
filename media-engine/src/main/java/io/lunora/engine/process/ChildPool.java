package io.lunora.engine.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every child of the engine: creates them, records their pids (so that a restarted engine can
 * end what a crashed one left), stops them gracefully then by force, and waits for all of them
 * on shutdown.
 */
public final class ChildPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChildPool.class);

    /** SIGKILL ends a process at once; past this something is badly wrong and stopping goes on without it. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);

    private final Redactor redactor;
    private final Duration grace;
    private final ChildRegistry registry;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("child-pool").daemon().factory());
    private final Map<Long, ChildRegistry.Tracked> running = new ConcurrentHashMap<>();
    private final java.util.Set<ChildProcess> children = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ChildPool(Redactor redactor, Duration grace, ChildRegistry registry) {
        this.redactor = redactor;
        this.grace = grace;
        this.registry = registry;
        int ended = registry.endOrphans(grace);
        if (ended > 0) {
            log.warn("Ended {} FFmpeg process(es) left by an earlier run of the engine", ended);
        }
    }

    public ChildProcess create(ChildSpec spec, ChildProcess.Listener listener) {
        ChildProcess child = new ChildProcess(spec, this, listener);
        children.add(child);
        return child;
    }

    boolean isClosed() {
        return closed;
    }

    Redactor redactor() {
        return redactor;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    void track(ChildProcess child, Process process) {
        running.put(process.pid(), new ChildRegistry.Tracked(process, child.executable()));
        registry.record(running.values());
    }

    void untrack(Process process) {
        if (running.remove(process.pid()) != null) {
            registry.record(running.values());
        }
    }

    /** The pids of the children alive now. */
    public List<Long> pids() {
        return running.values().stream().map(ChildRegistry.Tracked::process).filter(Process::isAlive)
                .map(Process::pid).toList();
    }

    /**
     * SIGTERM, then SIGKILL after the grace period; completes when the process is gone, at most
     * {@link #KILL_WAIT} after the kill. Signals go through the {@link ProcessHandle}:
     * {@code Process.destroy()} also closes the child's stdin, and a feeder blocked on a full pipe
     * (a stalled or SIGSTOPped child) holds that stream's lock, so the stop waited on it for ever.
     * The feeder closes its own end (see {@link ChildProcess.Listener#stopping()}) and ends on EPIPE
     * when the process dies.
     */
    CompletableFuture<Void> terminate(Process process) {
        signal(process, false);
        return process.onExit().thenApply(p -> (Void) null)
                .completeOnTimeout(null, grace.toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(ignored -> {
                    if (!process.isAlive()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    log.warn("pid {} did not quit within {} ms; killed", process.pid(), grace.toMillis());
                    signal(process, true);
                    return process.onExit().thenApply(p -> (Void) null)
                            .completeOnTimeout(null, KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                });
    }

    /** SIGTERM or SIGKILL, never touching the process's streams (see {@link #terminate}). */
    public static void signal(Process process, boolean kill) {
        if (kill) {
            process.toHandle().destroyForcibly();
        } else {
            process.toHandle().destroy();
        }
    }

    /** Stops every child still running and waits for all of them. */
    @Override
    public void close() {
        closed = true;
        CompletableFuture.allOf(children.stream().map(ChildProcess::stop).toArray(CompletableFuture[]::new)).join();
        CompletableFuture.allOf(running.values().stream().map(c -> terminate(c.process())).toArray(CompletableFuture[]::new))
                .join();
        scheduler.shutdownNow();
        registry.record(List.of());
    }
}
