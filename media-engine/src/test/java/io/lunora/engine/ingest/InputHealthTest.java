package io.lunora.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.engine.ts.TsPacket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InputHealthTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 5_000 * MS;

    private final InputHealth health = new InputHealth();

    @Test
    void shouldKnowNothingBeforeTheFirstPacket() {
        InputHealth.Reading reading = health.reading();

        assertThat(reading.lastPacketAge(T0)).isNull();
        assertThat(reading.uptime(T0)).isZero();
        assertThat(reading.bitrateKbps(T0)).isZero();
        assertThat(reading.continuityErrors()).isZero();
    }

    @Test
    void shouldMeasureTheBitrateOverTheLastFullSecond() {
        for (int i = 0; i <= 1000; i++) { // one packet a millisecond
            health.packet(packet(256, i & 0x0F), T0 + i * MS);
        }

        InputHealth.Reading reading = health.reading();

        assertThat(reading.bitrateKbps(T0 + 1000 * MS)).isEqualTo(1001L * TsPacket.SIZE * 8 / 1000);
        assertThat(reading.lastPacketAge(T0 + 1300 * MS)).isEqualTo(Duration.ofMillis(300));
        assertThat(reading.bitrateKbps(T0 + 3001 * MS)).as("silent for over 2 s").isZero();
    }

    @Test
    void shouldCountContinuityErrorsButNotRepeatsWrapsOrAJumpAfterAReconnect() {
        int[] counters = { 14, 15, 0, 0, 1, 4, 5 }; // a wrap, a repeat, then 1 -> 4 skips two
        long now = T0;
        for (int counter : counters) {
            health.packet(packet(256, counter), now += MS);
        }
        health.packet(packet(TsPacket.NULL_PID, 9), now += MS);
        assertThat(health.reading().continuityErrors()).isEqualTo(1);

        health.packet(packet(256, 11), now + 3000 * MS);

        assertThat(health.reading().continuityErrors()).as("a new connection starts its counters afresh").isEqualTo(1);
    }

    @Test
    void shouldRestartTheUptimeAfterAGap() {
        health.packet(packet(256, 0), T0);
        health.packet(packet(256, 1), T0 + 1500 * MS);
        assertThat(health.reading().uptime(T0 + 1600 * MS)).isEqualTo(Duration.ofMillis(1600));
        assertThat(health.reading().uptime(T0 + 3600 * MS)).as("silent for over 2 s").isZero();

        health.packet(packet(256, 2), T0 + 4000 * MS);

        assertThat(health.reading().uptime(T0 + 4500 * MS)).isEqualTo(Duration.ofMillis(500));
    }

    /** Another thread never sees the figures of two moments mixed: each reading is one packet's. */
    @Test
    void shouldGiveOtherThreadsTheFiguresOfOneMoment() throws Exception {
        int packets = 300_000;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> mixed = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().name("status").start(() -> {
            while (writing.get() && mixed.get() == null) {
                InputHealth.Reading r = health.reading();
                // every packet after the first breaks the continuity, one microsecond apart
                if (r.lastPacketNanos() != 0 && r.continuityErrors() != (r.lastPacketNanos() - T0) / 1000) {
                    mixed.set(r.toString());
                }
            }
        });
        for (int i = 0; i < packets; i++) {
            health.packet(packet(256, (i * 2) & 0x0F), T0 + i * 1000L);
        }
        writing.set(false);
        reader.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(reader.isAlive()).isFalse();
        assertThat(mixed.get()).isNull();
        assertThat(health.reading().continuityErrors()).isEqualTo(packets - 1);
    }

    private static byte[] packet(int pid, int counter) {
        byte[] p = new byte[TsPacket.SIZE];
        p[0] = 0x47;
        p[3] = 0x10; // payload only
        TsPacket.setPid(p, pid);
        TsPacket.setContinuity(p, counter);
        return p;
    }
}
