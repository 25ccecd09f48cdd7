package io.lunora.engine.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A component's commands run in order on one thread, and no caller waits past its deadline. */
class RunLoopTest {

    @Test
    void shouldAnswerBusyAtTheDeadlineAndStillRunTheCommandThenTheNextInOrder() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (RunLoop loop = new RunLoop("org", "org-slow", 100)) {
            assertThatThrownBy(() -> loop.run("slow stop", Duration.ofMillis(200), () -> {
                await(release);
                ran.add("slow");
            })).isInstanceOf(EngineBusyException.class).hasMessageContaining("slow stop").hasMessageContaining("org-slow");
            release.countDown();
            assertThat(loop.call("status", Duration.ofSeconds(5), () -> List.copyOf(ran))).containsExactly("slow");
        }
    }

    @Test
    void shouldHandBackWhatTheCommandThrewAndKeepRunning() {
        try (RunLoop loop = new RunLoop("org", "org-a", 100)) {
            assertThatThrownBy(() -> loop.run("bad", Duration.ofSeconds(5), () -> {
                throw new IllegalStateException("refused");
            })).isInstanceOf(IllegalStateException.class).hasMessage("refused");
            assertThat(loop.call("next", Duration.ofSeconds(5), () -> Thread.currentThread().getName()))
                    .isEqualTo("org-org-a");
        }
    }

    @Test
    void shouldRefuseCommandsOnceStoppedButFinishTheQueuedOnes() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        RunLoop loop = new RunLoop("org", "org-b", 100);
        CountDownLatch release = new CountDownLatch(1);
        loop.execute(() -> await(release));
        loop.execute(() -> ran.add("queued before the stop"));
        loop.close();
        release.countDown();
        assertThatThrownBy(() -> loop.call("late", Duration.ofSeconds(1), () -> "never"))
                .isInstanceOf(RunLoop.LoopStoppedException.class);
        loop.execute(() -> ran.add("posted after the stop"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 1);
        assertThat(ran).containsExactly("queued before the stop");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
