package io.lunora.engine.ingest;

import io.lunora.engine.ts.TsPacket;
import java.time.Duration;
import java.util.Arrays;

/**
 * Health of one input: last-packet age, bitrate over the last full second, continuity errors, and
 * uptime of the current connection (since its first packet after a gap). Single writer: every
 * field is written only by the input's reader thread, in {@link #packet} (one reader at a time: a
 * restarted FFmpeg's reader starts after the previous one's stdout ended). Other threads read
 * {@link Reading}, an immutable record the reader replaces after each packet, so that the figures
 * of one status always come from the same moment.
 */
final class InputHealth {
    /** Past this silence a connection counts as a new one (uptime restarts). */
    private static final long RECONNECT_GAP_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long SECOND_NANOS = 1_000_000_000L;

    /** The figures as of the latest packet; {@code lastPacketNanos} 0 before the first one. */
    record Reading(long lastPacketNanos, long connectedSinceNanos, long continuityErrors, long bitsPerSecond) {
        static final Reading NONE = new Reading(0, 0, 0, 0);

        /** Time since the last packet; null before the first one. */
        Duration lastPacketAge(long now) {
            return lastPacketNanos == 0 ? null : Duration.ofNanos(now - lastPacketNanos);
        }

        boolean deliveringWithin(Duration window, long now) {
            return lastPacketNanos != 0 && now - lastPacketNanos <= window.toNanos();
        }

        Duration uptime(long now) {
            return deliveringWithin(Duration.ofNanos(RECONNECT_GAP_NANOS), now)
                    ? Duration.ofNanos(now - connectedSinceNanos) : Duration.ZERO;
        }

        long bitrateKbps(long now) {
            return deliveringWithin(Duration.ofSeconds(2), now) ? bitsPerSecond / 1000 : 0;
        }
    }

    // the reader thread's own: the last continuity counter per PID and the bitrate's window
    private final int[] lastContinuity = new int[8192];
    private long windowStartNanos;
    private long windowBytes;
    /** Written by the reader thread only; read by any. */
    private volatile Reading reading = Reading.NONE;

    InputHealth() {
        Arrays.fill(lastContinuity, -1);
    }

    /** A packet arrived at {@code now}; on the input's reader thread only. */
    void packet(byte[] p, long now) {
        Reading last = reading;
        long connectedSince = last.connectedSinceNanos();
        if (last.lastPacketNanos() == 0 || now - last.lastPacketNanos() > RECONNECT_GAP_NANOS) {
            connectedSince = now;
            Arrays.fill(lastContinuity, -1);
            windowStartNanos = now;
            windowBytes = 0;
        }
        long errors = last.continuityErrors() + (continuityBroken(p) ? 1 : 0);
        long bitsPerSecond = last.bitsPerSecond();
        windowBytes += TsPacket.SIZE;
        if (now - windowStartNanos >= SECOND_NANOS) {
            bitsPerSecond = windowBytes * 8 * SECOND_NANOS / (now - windowStartNanos);
            windowStartNanos = now;
            windowBytes = 0;
        }
        reading = new Reading(now, connectedSince, errors, bitsPerSecond);
    }

    private boolean continuityBroken(byte[] p) {
        int pid = TsPacket.pid(p);
        if (pid == TsPacket.NULL_PID || !TsPacket.hasPayload(p)) {
            return false;
        }
        int counter = TsPacket.continuity(p);
        int previous = lastContinuity[pid];
        lastContinuity[pid] = counter;
        return previous >= 0 && counter != ((previous + 1) & 0x0F) && counter != previous
                && !TsPacket.discontinuity(p);
    }

    /** The figures as of the latest packet, all of one moment. */
    Reading reading() {
        return reading;
    }
}
