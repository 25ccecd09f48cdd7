package io.lunora.engine.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.engine.ingest.InputSignal;
import io.lunora.engine.loop.RunLoop;
import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.StreamLayout;
import io.lunora.engine.ts.TsPacket;
import io.lunora.model.media.FailbackPolicy;
import io.lunora.model.media.RedundancyMode;
import io.lunora.model.media.SwitchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The switcher's state belongs to its loop (one holder of its turn at a time): packets from three sources, operators' commands and
 * readers joining, all from many threads at once, leave it consistent (one chain of cuts, a
 * program whose counters never skip), every call returns within its deadline, and a closed
 * switcher refuses commands.
 */
class SwitcherConfinementTest {
    private static final StreamLayout LAYOUT = new StreamLayout(0x1000, 0x100, StreamLayout.H264, -1, StreamLayout.AAC);
    private static final InputSignal PLAYING = new InputSignal() {
        @Override
        public Duration starvedFor() {
            return Duration.ZERO;
        }

        @Override
        public Duration steadyFor() {
            return Duration.ofMinutes(1);
        }
    };

    private final List<SwitchEvent> events = new CopyOnWriteArrayList<>();
    private final Set<String> publishingThreads = ConcurrentHashMap.newKeySet();

    @Test
    void shouldKeepItsStateConsistentUnderConcurrentPacketsCommandsAndJoinsThenRefuseOnceClosed() throws Exception {
        ProgramBus bus = new ProgramBus();
        Switcher switcher = new Switcher("confined", SwitcherSettings.of(RedundancyMode.MANUAL, Duration.ofSeconds(2),
                FailbackPolicy.STAY, Duration.ofSeconds(5)), bus, events::add);
        Counters program = new Counters();
        AtomicInteger publishing = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        bus.addReader(packet -> {
            if (publishing.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            publishingThreads.add(Thread.currentThread().getName());
            program.accept(packet);
            publishing.decrementAndGet();
        });
        switcher.attach(SwitchEvent.PRIMARY, PLAYING);
        switcher.attach(SwitchEvent.SECONDARY, PLAYING);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(10);
        List<Future<?>> work = new ArrayList<>();
        for (String source : List.of(SwitchEvent.PRIMARY, SwitchEvent.SECONDARY, SwitchEvent.SLATE)) {
            work.add(threads.submit(() -> feed(switcher, source, stop)));
        }
        AtomicInteger commands = new AtomicInteger();
        for (int operator = 0; operator < 4; operator++) {
            work.add(threads.submit(() -> operate(switcher, stop, commands)));
        }
        List<Counters> joined = new CopyOnWriteArrayList<>();
        work.add(threads.submit(() -> {
            while (!stop.get()) {
                Counters reader = new Counters();
                bus.addReader(reader);
                joined.add(reader);
                pause(50);
            }
        }));

        Thread.sleep(3_000);
        stop.set(true);
        for (Future<?> each : work) {
            each.get(5, TimeUnit.SECONDS); // no call hangs: every command has a deadline, every packet a bounded wait
        }
        threads.shutdown();

        assertThat(commands.get()).isGreaterThan(100);
        assertThat(program.video).isGreaterThan(1_000);
        assertThat(program.skips).as("continuity counters of the program never skip").isZero();
        assertThat(joined).hasSizeGreaterThan(10).allSatisfy(reader -> assertThat(reader.skips).isZero());
        assertThat(overlaps).as("the program is published by one thread at a time").hasValue(0);
        assertThat(publishingThreads).as("by the loop's thread, or by a source's own when the loop is idle")
                .contains("switcher-confined").anySatisfy(name -> assertThat(name).startsWith("pool-"));
        assertThat(events).hasSizeGreaterThan(10);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).from()).as("cut %d starts where the one before ended", i).isEqualTo(events.get(i - 1).to());
        }

        switcher.close();
        int before = program.video;
        assertThatThrownBy(() -> switcher.switchTo(SwitchEvent.SECONDARY, "manual"))
                .isInstanceOf(RunLoop.LoopStoppedException.class);
        assertThatThrownBy(switcher::pause).isInstanceOf(RunLoop.LoopStoppedException.class);
        switcher.accept(SwitchEvent.PRIMARY, packet(true), LAYOUT); // dropped, never a hang or an error
        assertThat(program.video).isEqualTo(before);
        assertThat(switcher.onAir()).isNotNull();
    }

    private static void feed(Switcher switcher, String source, AtomicBoolean stop) {
        byte[] buffer = new byte[TsPacket.SIZE]; // reused, as a source's reader does
        for (long n = 0; !stop.get(); n++) {
            fill(buffer, n % 40 == 0);
            switcher.accept(source, buffer, LAYOUT);
            if (n % 7 == 6) {
                pause(1);
            }
        }
    }

    private static void operate(Switcher switcher, AtomicBoolean stop, AtomicInteger commands) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!stop.get()) {
            switch (random.nextInt(5)) {
                case 0 -> switcher.switchTo(random.nextBoolean() ? SwitchEvent.PRIMARY : SwitchEvent.SECONDARY, "manual");
                case 1 -> switcher.pause();
                case 2 -> switcher.resume();
                case 3 -> switcher.configure(SwitcherSettings.of(RedundancyMode.MANUAL, Duration.ofSeconds(2),
                        FailbackPolicy.STAY, Duration.ofSeconds(5)));
                default -> assertThat(List.of(SwitchEvent.PRIMARY, SwitchEvent.SECONDARY)).contains(switcher.selected());
            }
            commands.incrementAndGet();
            pause(random.nextInt(5));
        }
    }

    /** Counts the program's video packets and the gaps in their continuity counter. */
    private static final class Counters implements java.util.function.Consumer<byte[]> {
        int video;
        int skips;
        int last = -1;

        @Override
        public void accept(byte[] packet) {
            if (TsPacket.pid(packet) != ProgramTables.VIDEO_PID || !TsPacket.hasPayload(packet)) {
                return;
            }
            int counter = TsPacket.continuity(packet);
            if (last >= 0 && counter != ((last + 1) & 0x0F)) {
                skips++;
            }
            last = counter;
            video++;
        }
    }

    private static byte[] packet(boolean keyframe) {
        byte[] packet = new byte[TsPacket.SIZE];
        fill(packet, keyframe);
        return packet;
    }

    private static void fill(byte[] packet, boolean keyframe) {
        packet[0] = TsPacket.SYNC;
        packet[1] = 0x41;
        packet[2] = 0x00; // PID 0x100, payload start
        packet[3] = 0x30; // adaptation field and payload
        packet[4] = 1;
        packet[5] = (byte) (keyframe ? 0x40 : 0x00);
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
