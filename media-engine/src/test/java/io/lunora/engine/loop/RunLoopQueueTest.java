package io.lunora.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A loop's queue is bounded and never makes a poster wait past its deadline; its tick runs on the loop. */
class RunLoopQueueTest {

    @Test
    void shouldRefuseWorkPastItsCapacityAtTheDeadlineAndTakeItOnceThereIsRoom() throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (RunLoop loop = new RunLoop("test", "full", 2)) {
            loop.execute(() -> {
                busy.countDown();
                awaitLatch(release);
            });
            awaitLatch(busy);
            assertThat(loop.offer(() -> ran.add("a"), 0)).isTrue();
            assertThat(loop.offer(() -> ran.add("b"), 0)).isTrue();
            long start = System.nanoTime();
            assertThat(loop.offer(() -> ran.add("refused"), Duration.ofMillis(100).toNanos())).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(90), Duration.ofSeconds(2));

            release.countDown();
            assertThat(loop.offer(() -> ran.add("c"), Duration.ofSeconds(5).toNanos())).isTrue();
            assertThat(loop.call("after", Duration.ofSeconds(5), () -> List.copyOf(ran))).containsExactly("a", "b", "c");
        }
    }

    @Test
    void shouldTickOnTheLoopBetweenWorkAndRunWorkPostedWithoutWakingByItsNextTick() {
        AtomicInteger ticks = new AtomicInteger();
        Set<String> tickThreads = ConcurrentHashMap.newKeySet();
        RunLoop loop = RunLoop.ticking("test", "ticking", 10, Duration.ofMillis(20), () -> {
            ticks.incrementAndGet();
            tickThreads.add(Thread.currentThread().getName());
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> ticks.get() >= 5);
        CountDownLatch lazy = new CountDownLatch(1);
        assertThat(loop.offer(lazy::countDown, 0, RunLoop.Handoff.NEXT_TURN)).isTrue();
        awaitLatch(lazy);
        assertThat(tickThreads).containsExactly("test-ticking");

        loop.close();
        assertThat(loop.awaitExit(Duration.ofSeconds(5))).isTrue();
        int stopped = ticks.get();
        await("no tick once closed").during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2))
                .until(() -> ticks.get() == stopped);
        assertThat(loop.offer(() -> { }, Duration.ofSeconds(5).toNanos())).as("a closed loop refuses at once").isFalse();
    }

    @Test
    void shouldRunWorkOnThePostingThreadWhenIdleAndLeaveItToTheLoopWhileTheLoopRuns() {
        List<String> ran = new CopyOnWriteArrayList<>();
        try (RunLoop loop = new RunLoop("test", "here", 10)) {
            assertThat(loop.offer(() -> ran.add("idle:" + Thread.currentThread().getName()), 0, RunLoop.Handoff.RUN_HERE)).isTrue();
            assertThat(ran).as("an idle loop's work ran before offer returned, on the poster's thread")
                    .containsExactly("idle:" + Thread.currentThread().getName());

            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            loop.execute(() -> {
                busy.countDown();
                awaitLatch(release);
                ran.add("long");
            });
            awaitLatch(busy);
            assertThat(loop.offer(() -> ran.add("busy:" + Thread.currentThread().getName()), 0, RunLoop.Handoff.RUN_HERE)).isTrue();
            assertThat(ran).as("the loop holds its turn: the work waits for it").hasSize(1);
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 3);
            assertThat(ran.subList(1, 3)).containsExactly("long", "busy:test-here");
        }
    }

    @Test
    void shouldRunACommandIssuedOnTheLoopItselfAtOnce() {
        try (RunLoop loop = new RunLoop("test", "nested", 10)) {
            String answer = loop.call("outer", Duration.ofSeconds(5),
                    () -> loop.call("inner", Duration.ofMillis(100), () -> loop.onLoop() ? "inner ran on the loop" : "elsewhere"));
            assertThat(answer).isEqualTo("inner ran on the loop");
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
