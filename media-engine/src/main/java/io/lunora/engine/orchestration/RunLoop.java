package io.lunora.engine.orchestration;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One organization's run loop: a single thread that runs the organization's commands in order,
 * so its workload's state has one owner and needs no lock. A caller waits for its command up to
 * a deadline and then gets {@link EngineBusyException}; the command still runs (commands are
 * idempotent), the API call never hangs. Callbacks of the workload's own threads (a relay's
 * ingest reconnecting) post their work here as well ({@link #execute}).
 */
final class RunLoop implements Executor, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunLoop.class);

    private final String organizationId;
    private final ExecutorService thread;

    RunLoop(String organizationId) {
        this.organizationId = organizationId;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("org-" + organizationId).daemon()
                .factory());
    }

    /**
     * Runs {@code command} on the loop and answers its result, or throws what it threw.
     *
     * @throws EngineBusyException when it has not finished within {@code deadline}
     * @throws LoopStoppedException when the loop was stopped (the organization's workload closed)
     */
    <T> T call(String name, Duration deadline, Callable<T> command) {
        Future<T> result;
        try {
            result = thread.submit(command);
        } catch (RejectedExecutionException stopped) {
            throw new LoopStoppedException();
        }
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("'{}' of {} still runs after {} ms", name, organizationId, deadline.toMillis());
            throw new EngineBusyException(organizationId, name, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineBusyException(organizationId, name, deadline);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    void run(String name, Duration deadline, Runnable command) {
        call(name, deadline, () -> {
            command.run();
            return null;
        });
    }

    /** Posts work without waiting for it; dropped once the loop is stopped. */
    @Override
    public void execute(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("posted work of {} failed: {}", organizationId, e.toString());
                }
            });
        } catch (RejectedExecutionException stopped) {
            log.debug("loop of {} stopped: posted work dropped", organizationId);
        }
    }

    /** Takes no further command; the one running (a close, bounded by its own deadline) finishes. */
    @Override
    public void close() {
        thread.shutdown();
    }

    /** The loop was stopped between the caller finding it and submitting to it. */
    static final class LoopStoppedException extends RuntimeException {
        LoopStoppedException() {
            super(null, null, false, false);
        }
    }
}
