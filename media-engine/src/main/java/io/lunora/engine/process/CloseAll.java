package io.lunora.engine.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes several parts at once, each on its own virtual thread: one part that fails or hangs never
 * keeps the others running, and the caller waits at most {@code deadline}. Children of a part that
 * outlives the deadline are still ended by their own stop (SIGKILL after the grace period).
 */
public final class CloseAll {
    private static final Logger log = LoggerFactory.getLogger(CloseAll.class);

    private CloseAll() {
    }

    /** @return true when every part closed within the deadline */
    public static boolean of(String owner, List<? extends AutoCloseable> parts, Duration deadline) {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (AutoCloseable part : parts) {
            closing.add(CompletableFuture.runAsync(() -> close(owner, part), task -> Thread.ofVirtual()
                    .name("close-" + part.getClass().getSimpleName()).start(task)));
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(deadline.toMillis(),
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            log.warn("{}: {} part(s) still closing after {} ms", owner,
                    closing.stream().filter(f -> !f.isDone()).count(), deadline.toMillis());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException cannotHappen) {
            return false; // close() catches everything
        }
    }

    private static void close(String owner, AutoCloseable part) {
        try {
            part.close();
        } catch (Exception | Error e) {
            log.warn("{}: closing {} failed: {}", owner, part.getClass().getSimpleName(), e.toString());
        }
    }
}
