package io.lunora.engine.rendition;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.engine.ts.TsPacket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EncoderLatencyTest {
    private static final long MS = Duration.ofMillis(1).toNanos();

    @Test
    void shouldMeasureHowMuchLongerThanAtItsQuickestTheEncoderHoldsItsInput() {
        EncoderLatency latency = new EncoderLatency();
        assertThat(latency.nanos()).as("before any output").isZero();
        // 30 fps, put out 100 ms after it was read, steadily
        for (int frame = 0; frame < 30; frame++) {
            latency.output(withPcr(frame * 3000L), 1_000 * MS + frame * 33_333_333L + 100 * MS);
        }
        assertThat(latency.nanos()).isLessThan(MS);
        // then the encoder falls behind: each frame comes out 20 ms later than the one before
        for (int frame = 30; frame < 60; frame++) {
            latency.output(withPcr(frame * 3000L), 1_000 * MS + frame * 33_333_333L + 100 * MS + (frame - 29) * 20 * MS);
        }
        assertThat(latency.nanos() / MS).isBetween(599L, 601L);
    }

    @Test
    void shouldIgnorePacketsWithoutAClockReferenceAndFollowTheClockAcrossItsWrap() {
        EncoderLatency latency = new EncoderLatency();
        long nearWrap = (1L << 33) - 9000; // 100 ms before the 33-bit PCR wraps
        latency.output(withPcr(nearWrap), 0);
        latency.output(new byte[TsPacket.SIZE], 5_000 * MS);
        latency.output(withPcr(9000), 200 * MS); // 200 ms of media later, seen 200 ms later
        assertThat(latency.nanos() / MS).isZero();
        latency.output(withPcr(18_000), 700 * MS); // 100 ms of media later, seen 500 ms later
        assertThat(latency.nanos() / MS).isBetween(399L, 401L);
    }

    /** A video packet with an adaptation field carrying a PCR base and the random access flag. */
    static byte[] withPcr(long pcrBase) {
        byte[] p = new byte[TsPacket.SIZE];
        p[0] = TsPacket.SYNC;
        p[1] = 0x01;
        p[2] = 0x00;
        p[3] = 0x30;
        p[4] = 7;
        p[5] = 0x50;
        p[6] = (byte) (pcrBase >>> 25);
        p[7] = (byte) (pcrBase >>> 17);
        p[8] = (byte) (pcrBase >>> 9);
        p[9] = (byte) (pcrBase >>> 1);
        p[10] = (byte) ((pcrBase & 1) << 7 | 0x7E);
        return p;
    }
}
