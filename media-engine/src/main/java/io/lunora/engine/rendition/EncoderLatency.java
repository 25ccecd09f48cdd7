package io.lunora.engine.rendition;

import io.lunora.engine.ts.TsPacket;

/**
 * How long an encoder holds the program before it puts it out, above the least it ever held:
 * the time in the child's pipe, its demuxer, decoder, filters and the encoder's frame queue,
 * none of which the feeding {@link PacketPipe} sees. An FFmpeg slower than real time fills those
 * queues (about 1.5 s) before its pipe backs up, and that is where a saturated machine's lag sat.
 * Measured from the encoder's output: the encoder stamps what it reads with the wall clock, so an
 * output clock reference (PCR) is when its input was read, up to a constant offset, taken as the
 * smallest seen (the encoder at its quickest). A restarted encoder gets a new one.
 */
public final class EncoderLatency {
    private static final long PCR_WRAP = 1L << 33;

    private long previousPcr = -1;
    private long unwrappedPcr;
    private long smallestOffsetNanos = Long.MAX_VALUE;
    private volatile long latencyNanos;

    /** The encoder put out {@code packet}, seen at {@code nanos} (System.nanoTime). */
    public synchronized void output(byte[] packet, long nanos) {
        long pcr = TsPacket.pcrBase(packet);
        if (pcr < 0) {
            return;
        }
        if (previousPcr >= 0) {
            long step = pcr - previousPcr;
            if (step < -PCR_WRAP / 2) {
                step += PCR_WRAP;
            }
            unwrappedPcr += step;
        }
        previousPcr = pcr;
        long offset = nanos - unwrappedPcr * 100_000 / 9; // 90 kHz ticks to ns
        smallestOffsetNanos = Math.min(smallestOffsetNanos, offset);
        latencyNanos = offset - smallestOffsetNanos;
    }

    /** What the latest output waited in the encoder beyond the least, ns; 0 before its first output. */
    public long nanos() {
        return latencyNanos;
    }
}
