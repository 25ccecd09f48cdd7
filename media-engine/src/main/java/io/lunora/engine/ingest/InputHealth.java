package io.lunora.engine.ingest;

import io.lunora.engine.ts.TsPacket;
import java.time.Duration;

/**
 * Health of one input, updated by its reader thread for every packet and read by others:
 * last-packet age, bitrate over the last full second, continuity errors, and uptime of the
 * current connection (since its first packet after a gap).
 */
final class InputHealth {
    /** Past this silence a connection counts as a new one (uptime restarts). */
    private static final long RECONNECT_GAP_NANOS = Duration.ofSeconds(2).toNanos();

    private final int[] lastContinuity = new int[8192];
    private volatile long lastPacketNanos;
    private volatile long connectedSinceNanos;
    private volatile long continuityErrors;
    private volatile long bitsPerSecond;
    private long windowStartNanos;
    private long windowBytes;

    InputHealth() {
        java.util.Arrays.fill(lastContinuity, -1);
    }

    void packet(byte[] p, long now) {
        if (lastPacketNanos == 0 || now - lastPacketNanos > RECONNECT_GAP_NANOS) {
            connectedSinceNanos = now;
            java.util.Arrays.fill(lastContinuity, -1);
            windowStartNanos = now;
            windowBytes = 0;
        }
        lastPacketNanos = now;
        checkContinuity(p);
        windowBytes += TsPacket.SIZE;
        if (now - windowStartNanos >= 1_000_000_000L) {
            bitsPerSecond = windowBytes * 8 * 1_000_000_000L / (now - windowStartNanos);
            windowStartNanos = now;
            windowBytes = 0;
        }
    }

    private void checkContinuity(byte[] p) {
        int pid = TsPacket.pid(p);
        if (pid == TsPacket.NULL_PID || !TsPacket.hasPayload(p)) {
            return;
        }
        int counter = TsPacket.continuity(p);
        int previous = lastContinuity[pid];
        if (previous >= 0 && counter != ((previous + 1) & 0x0F) && counter != previous
                && !TsPacket.discontinuity(p)) {
            continuityErrors++;
        }
        lastContinuity[pid] = counter;
    }

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

    long continuityErrors() {
        return continuityErrors;
    }

    long bitrateKbps(long now) {
        return deliveringWithin(Duration.ofSeconds(2), now) ? bitsPerSecond / 1000 : 0;
    }
}
