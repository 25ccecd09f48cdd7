package io.lunora.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.ts.StreamLayout;
import io.lunora.engine.ts.TsPacket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The jitter buffer on real time: a source that sends its media in bursts (as a muxer writing in
 * chunks or an encoder on a busy machine does) plays evenly and never counts as starved, while a
 * source that stops is starved within the delay plus a little.
 */
class InputPacerTest {
    private static final StreamLayout LAYOUT = new StreamLayout(0x1000, 0x100, StreamLayout.H264, 0x101, StreamLayout.AAC);
    private static final long FRAME_NANOS = 40_000_000L; // 25 fps, one PCR per frame
    private final List<Long> released = new CopyOnWriteArrayList<>();
    private final AtomicLong maxStarvedNanos = new AtomicLong();
    private InputPacer pacer;

    @AfterEach
    void close() {
        pacer.close();
    }

    @Test
    void shouldPlayABurstySourceEvenlyWithoutStarving() throws InterruptedException {
        pacer = new InputPacer("primary", Duration.ofMillis(300), (id, packet, layout) -> released.add(System.nanoTime()));
        long frame = 0;
        long start = System.nanoTime();
        // 6 s of media in bursts of 0.4 s: every 400 ms ten frames arrive at once, then nothing
        long feederLate = 0; // a loaded machine may wake this feeder late: the source then really paused longer
        for (int burst = 0; burst < 15; burst++) {
            if (burst >= 2) {
                feederLate = Math.max(feederLate, System.nanoTime() - (start + burst * 400_000_000L));
            }
            for (int i = 0; i < 10; i++, frame++) {
                pacer.offer(pcrPacket(frame * FRAME_NANOS * 9 / 100_000), LAYOUT, System.nanoTime());
                pacer.offer(payloadPacket(), LAYOUT, System.nanoTime());
            }
            long nextBurst = start + (burst + 1) * 400_000_000L;
            while (System.nanoTime() < nextBurst) {
                if (burst >= 2) {
                    maxStarvedNanos.accumulateAndGet(pacer.starvedFor(System.nanoTime()).toNanos(), Math::max);
                }
                Thread.sleep(5);
            }
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> released.size() == 300);

        assertThat(Duration.ofNanos(maxStarvedNanos.get())).isLessThan(Duration.ofMillis(100).plusNanos(feederLate));
        assertThat(largestGap(released.subList(60, 300))).isLessThan(Duration.ofMillis(100).plusNanos(feederLate));
        // the source stopped: once its buffer is played it is no longer steady
        await().atMost(Duration.ofSeconds(1)).until(() -> pacer.steadyFor(System.nanoTime()).isZero());
    }

    @Test
    void shouldCountAStoppedSourceAsStarvedOnceItsBufferIsPlayed() {
        pacer = new InputPacer("primary", Duration.ofMillis(300), (id, packet, layout) -> released.add(System.nanoTime()));
        long start = System.nanoTime();
        for (long frame = 0; System.nanoTime() - start < 2_000_000_000L; frame++) {
            pacer.offer(pcrPacket(frame * FRAME_NANOS * 9 / 100_000), LAYOUT, System.nanoTime());
            sleepUntil(start + (frame + 1) * FRAME_NANOS);
        }
        assertThat(pacer.steadyFor(System.nanoTime())).isGreaterThan(Duration.ofMillis(1200));
        long stopped = System.nanoTime();

        await().atMost(Duration.ofSeconds(2)).until(() -> pacer.starvedFor(System.nanoTime()).toMillis() > 200);

        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
    }

    @Test
    void shouldCountAnInputThatNeverDeliveredAsStarvedSinceItStarted() throws InterruptedException {
        pacer = new InputPacer("secondary", Duration.ofMillis(300), (id, packet, layout) -> released.add(System.nanoTime()));
        Thread.sleep(300);

        assertThat(pacer.starvedFor(System.nanoTime())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(pacer.steadyFor(System.nanoTime())).isZero();
    }

    private static void sleepUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
    }

    private static Duration largestGap(List<Long> times) {
        long largest = 0;
        for (int i = 1; i < times.size(); i++) {
            largest = Math.max(largest, times.get(i) - times.get(i - 1));
        }
        return Duration.ofNanos(largest);
    }

    /** A video packet with an adaptation field that carries {@code base} as its PCR. */
    static byte[] pcrPacket(long base) {
        byte[] p = payloadPacket();
        p[3] = 0x30;
        p[4] = 7;
        p[5] = 0x10;
        p[6] = (byte) (base >> 25);
        p[7] = (byte) (base >> 17);
        p[8] = (byte) (base >> 9);
        p[9] = (byte) (base >> 1);
        p[10] = (byte) (((base & 1) << 7) | 0x7E);
        p[11] = 0;
        assertThat(TsPacket.pcrBase(p)).isEqualTo(base);
        return p;
    }

    static byte[] payloadPacket() {
        byte[] p = new byte[TsPacket.SIZE];
        p[0] = TsPacket.SYNC;
        p[1] = 0x01;
        p[2] = 0x00;
        p[3] = 0x10;
        return p;
    }
}
