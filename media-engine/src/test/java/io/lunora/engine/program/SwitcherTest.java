package io.lunora.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.ingest.SrtInput;
import io.lunora.engine.ingest.SrtInputSettings;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildRegistry;
import io.lunora.engine.process.Redactor;
import io.lunora.engine.testing.Media;
import io.lunora.engine.testing.TestSource;
import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.TsPacket;
import io.lunora.model.media.FailbackPolicy;
import io.lunora.model.media.RedundancyMode;
import io.lunora.model.media.SwitchEvent;
import io.lunora.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwitcherTest {
    @TempDir
    Path data;
    private final List<SwitchEvent> events = new CopyOnWriteArrayList<>();
    /** Arrival times of video frame starts on the program bus. */
    private final List<Long> frameStarts = new CopyOnWriteArrayList<>();
    private ChildPool pool;
    private Switcher switcher;

    @AfterEach
    void stop() {
        switcher.close();
        pool.close();
    }

    private Switcher channel(RedundancyMode mode, int primaryPort, int secondaryPort) {
        pool = new ChildPool(new Redactor(), Duration.ofSeconds(2), new ChildRegistry(data.resolve("children.pids")));
        ProgramBus bus = new ProgramBus();
        bus.addReader(packet -> {
            if (TsPacket.pid(packet) == ProgramTables.VIDEO_PID && TsPacket.payloadStart(packet)) {
                frameStarts.add(System.nanoTime());
            }
        });
        switcher = new Switcher("test", SwitcherSettings.of(mode, Duration.ofSeconds(2), FailbackPolicy.STAY,
                Duration.ofSeconds(5)), bus, events::add);
        for (var input : List.of(new SrtInputSettings(SwitchEvent.PRIMARY, true, "127.0.0.1", primaryPort, 120, null, null, null),
                new SrtInputSettings(SwitchEvent.SECONDARY, true, "127.0.0.1", secondaryPort, 120, null, null, null))) {
            SrtInput srt = new SrtInput(input, Media.ffmpeg(), pool, switcher, Duration.ofMillis(200));
            switcher.attach(input.inputId(), srt);
            srt.start();
        }
        new Slate(320, 180, 25, Media.ffmpeg(), pool, switcher).start();
        return switcher;
    }

    @Test
    void shouldCoverTheLossWithTheSlateThenFailOverToTheStandbyWithoutAGap() {
        int primaryPort = FreePorts.next();
        int secondaryPort = FreePorts.next();
        Switcher switcher = channel(RedundancyMode.AUTO_FAILOVER, primaryPort, secondaryPort);
        try (TestSource primary = TestSource.call(primaryPort); TestSource secondary = TestSource.call(secondaryPort)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> SwitchEvent.PRIMARY.equals(switcher.onAir()));
            await().atMost(Duration.ofSeconds(10)).until(() -> frameStarts.size() > 50);
            events.clear();
            long killedAt = System.nanoTime();
            Instant killed = Instant.now();

            primary.kill();

            await().atMost(Duration.ofSeconds(4)).until(() -> SwitchEvent.SECONDARY.equals(switcher.onAir()));
            assertThat(events).extracting(SwitchEvent::from, SwitchEvent::to, SwitchEvent::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(SwitchEvent.PRIMARY, SwitchEvent.SLATE, "signal_lost"),
                    org.assertj.core.groups.Tuple.tuple(SwitchEvent.SLATE, SwitchEvent.SECONDARY, "failover"));
            // the target is 1 s (jitter buffer + 200 ms dry); a CI machine loaded 10x over its cores adds to it
            assertThat(Duration.between(killed, events.get(0).time())).isLessThan(Duration.ofMillis(1500));
            assertThat(Duration.between(killed, events.get(1).time())).isLessThan(Duration.ofSeconds(3));
            await().atMost(Duration.ofSeconds(2)).until(() -> frameStarts.getLast() - killedAt > 4_000_000_000L);
            assertThat(largestGapAfter(killedAt - 1_000_000_000L)).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void shouldSwitchOnlyOnCommandInManualMode() {
        int primaryPort = FreePorts.next();
        int secondaryPort = FreePorts.next();
        Switcher switcher = channel(RedundancyMode.MANUAL, primaryPort, secondaryPort);
        try (TestSource primary = TestSource.call(primaryPort); TestSource secondary = TestSource.call(secondaryPort)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> SwitchEvent.PRIMARY.equals(switcher.onAir()));
            await().atMost(Duration.ofSeconds(10)).until(() -> frameStarts.size() > 50);
            long switchedAt = System.nanoTime();

            switcher.switchTo(SwitchEvent.SECONDARY, "manual");

            await().atMost(Duration.ofSeconds(2)).until(() -> SwitchEvent.SECONDARY.equals(switcher.onAir()));
            assertThat(events.getLast().reason()).isEqualTo("manual");
            await().atMost(Duration.ofSeconds(3)).until(() -> frameStarts.getLast() - switchedAt > 2_000_000_000L);
            assertThat(largestGapAfter(switchedAt - 1_000_000_000L)).isLessThan(Duration.ofMillis(500));

            secondary.kill();

            await().atMost(Duration.ofSeconds(2)).until(() -> SwitchEvent.SLATE.equals(switcher.onAir()));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                    .until(() -> SwitchEvent.SLATE.equals(switcher.onAir()));
            assertThat(switcher.selected()).isEqualTo(SwitchEvent.SECONDARY);
        }
    }

    private Duration largestGapAfter(long since) {
        long largest = 0;
        long previous = -1;
        for (long at : frameStarts) {
            if (at < since) {
                continue;
            }
            if (previous > 0) {
                largest = Math.max(largest, at - previous);
            }
            previous = at;
        }
        return Duration.ofNanos(largest);
    }
}
