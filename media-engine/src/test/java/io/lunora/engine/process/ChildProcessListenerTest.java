package io.lunora.engine.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child's listener is called outside the child's lock: one that blocks holds up no other caller
 * of the child, and the owner still hears every change once, in the order it happened.
 */
class ChildProcessListenerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @TempDir
    Path data;
    private ChildPool pool;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseAndClose() {
        release.countDown();
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void shouldLetAnotherThreadQueryAndStopTheChildWhileItsListenerBlocks() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch blocking = new CountDownLatch(1);
        ChildProcess child = pool().create(new ChildSpec("sleeper", List.of("/bin/sh", "-c", "sleep 60"), Map.of(),
                Backoff.standard()), new ChildProcess.Listener() {
                    @Override
                    public void started(Process process) {
                        heard.add("started");
                        blocking.countDown();
                        awaitRelease();
                    }

                    @Override
                    public void stopping() {
                        heard.add("stopping");
                    }

                    @Override
                    public void exited(int exitCode, String lastError, Duration restartIn) {
                        heard.add("exited, restart " + restartIn);
                    }
                });
        Thread.ofVirtual().name("starter").start(child::start);
        assertThat(blocking.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the listener heard the start").isTrue();
        Process process = child.process();

        assertThat(CompletableFuture.supplyAsync(child::isRunning).get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture.supplyAsync(child::stop).thenCompose(stopped -> stopped)
                .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertThat(process.isAlive()).isFalse();
        assertThat(child.isRunning()).isFalse();
        assertThat(heard).as("nothing overtakes the blocked call").containsExactly("started");
        release.countDown();
        await().atMost(DEADLINE).until(() -> heard.size() == 3);
        assertThat(heard).containsExactly("started", "stopping", "exited, restart null");
    }

    @Test
    void shouldTellEveryStartAndExitOfARestartedChildInTurn() {
        List<String> heard = new CopyOnWriteArrayList<>();
        ChildProcess child = pool().create(new ChildSpec("failing", List.of("/bin/sh", "-c", "exit 3"), Map.of(),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(40), new Random(5))), new ChildProcess.Listener() {
                    @Override
                    public void started(Process process) {
                        heard.add("started");
                        sleep(30); // a slow listener: the exit arrives meanwhile, and must wait its turn
                    }

                    @Override
                    public void exited(int exitCode, String lastError, Duration restartIn) {
                        heard.add("exited " + exitCode);
                    }
                });

        child.start();
        await().atMost(DEADLINE).until(() -> heard.size() >= 8);
        child.stop().join();

        List<String> turns = List.copyOf(heard);
        for (int i = 0; i < turns.size(); i++) {
            assertThat(turns.get(i)).as("call %d of %s", i, turns).isEqualTo(i % 2 == 0 ? "started" : "exited 3");
        }
    }

    private ChildPool pool() {
        pool = new ChildPool(new Redactor(), Duration.ofSeconds(1), new ChildRegistry(data.resolve("children.pids")));
        return pool;
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
