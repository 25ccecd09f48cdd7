package io.lunora.engine.ingest;

import io.lunora.engine.ts.StreamLayout;
import io.lunora.engine.ts.TsPacket;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An input's jitter buffer. Packets arrive as the sender, its muxer and the network deliver them
 * (in bursts from an encoder on a busy machine, or from a muxer that writes in chunks) and leave on
 * the input's own clock, its PCR, {@code delay} after the first one arrived. An input's health is
 * then judged by its media: it is starved only when everything it sent has been played and
 * nothing new is there ({@link #starvedFor}), not when packets merely come unevenly.
 * <p>
 * The schedule adapts: a packet that arrives after its due time (the sender fell behind its own
 * clock, or a burst outlasted the delay) moves the schedule later, so the next burst of the same
 * size is absorbed (the price: that much more latency, bounded below); a sender whose clock runs fast is brought back to {@code delay} once it is
 * {@link #MAX_LEAD_FACTOR} times ahead, and latency no longer needed is given back
 * ({@link #trimmed}). A jump of the clock (new connection, restarted encoder,
 * wrap) starts a new schedule.
 */
final class InputPacer implements AutoCloseable {
    /** A dry spell longer than this ends the input's steady run (packets of a live stream are tens of ms apart). */
    static final long STEADY_GAP_NANOS = Duration.ofMillis(250).toNanos();
    private static final int MAX_LEAD_FACTOR = 4;
    private static final long TRIM_WINDOW_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long TRIM_MARGIN_NANOS = Duration.ofMillis(30).toNanos();
    private static final long EXTRA_HALF_LIFE_NANOS = Duration.ofSeconds(30).toNanos();
    private static final long MAX_EXTRA_LEAD_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long JUMP_BACK_NANOS = Duration.ofMillis(500).toNanos();
    private static final long JUMP_FORWARD_NANOS = Duration.ofSeconds(3).toNanos();
    /** About 10 s of a 10 Mbit/s input. */
    private static final int CAPACITY = 60_000;

    private record Entry(byte[] packet, StreamLayout layout, long dueNanos) {
    }

    private final String inputId;
    private final PacketSink sink;
    private final long delayNanos;
    private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lateArrivals = new AtomicLong();
    private final long createdNanos = System.nanoTime();
    private final Thread thread;
    private volatile boolean open = true;
    // schedule: written by the reader thread only
    private boolean anchored;
    private long anchorWallNanos;
    private long anchorMediaNanos;
    private long lastMediaNanos = -1;
    private long lastQueuedDueNanos;
    private long windowStartNanos;
    private long windowMinLeadNanos = Long.MAX_VALUE;
    private long extraLeadNanos;
    private long extraDecayedNanos = System.nanoTime();
    /** The release: written by the pacing thread only, read by the switcher's rules as one consistent snapshot. */
    private volatile Release release = new Release(false, 0, 0, 0);

    /**
     * @param pendingDueNanos the due time of the packet waiting to leave, 0 when none waits
     * @param lastReleasedDueNanos the due time of the latest packet played
     * @param steadySinceNanos since when the input has played without a dry spell
     */
    private record Release(boolean released, long pendingDueNanos, long lastReleasedDueNanos, long steadySinceNanos) {
        Release waitingFor(long dueNanos) {
            return new Release(released, dueNanos, lastReleasedDueNanos, steadySinceNanos);
        }

        Release played(long dueNanos) {
            boolean dry = !released || dueNanos - lastReleasedDueNanos > STEADY_GAP_NANOS;
            return new Release(true, 0, dueNanos, dry ? dueNanos : steadySinceNanos);
        }
    }

    InputPacer(String inputId, Duration delay, PacketSink sink) {
        this.inputId = inputId;
        this.sink = sink;
        this.delayNanos = delay.toNanos();
        this.thread = Thread.ofVirtual().name("pacer-" + inputId).start(this::run);
    }

    /** Called on the input's reader thread for every packet; {@code packet} is copied. */
    void offer(byte[] packet, StreamLayout layout, long arrivalNanos) {
        long pcr = TsPacket.pcrBase(packet);
        if (pcr >= 0) {
            long media = pcr * 100_000 / 9;
            if (lastMediaNanos >= 0 && (media < lastMediaNanos - JUMP_BACK_NANOS
                    || media > lastMediaNanos + JUMP_FORWARD_NANOS)) {
                anchored = false; // the clock jumped: a new stream, a restarted encoder, a wrap
            }
            lastMediaNanos = media;
        }
        long due = lastMediaNanos < 0 ? arrivalNanos + delayNanos : schedule(lastMediaNanos, arrivalNanos);
        due = Math.max(due, lastQueuedDueNanos);
        lastQueuedDueNanos = due;
        if (!queue.offer(new Entry(packet.clone(), layout, due))) {
            dropped.incrementAndGet();
        }
    }

    private long schedule(long media, long arrival) {
        if (!anchored) {
            anchored = true;
            anchorMediaNanos = media;
            anchorWallNanos = Math.max(arrival + delayNanos, lastQueuedDueNanos);
            windowStartNanos = arrival;
            windowMinLeadNanos = Long.MAX_VALUE;
        }
        long due = anchorWallNanos + (media - anchorMediaNanos);
        if (due < arrival) {
            // half the delay back in the buffer: a source that keeps arriving just in time would
            // otherwise leave nothing to absorb its next burst
            long shift = arrival - due + delayNanos / 2;
            anchorWallNanos += shift;
            extraLeadNanos = Math.min(extraLeadNanos + shift, MAX_EXTRA_LEAD_NANOS);
            lateArrivals.incrementAndGet();
            return arrival + delayNanos / 2;
        }
        if (due > arrival + MAX_LEAD_FACTOR * delayNanos + extraLeadNanos) {
            anchorWallNanos -= due - (arrival + delayNanos);
            return arrival + delayNanos;
        }
        return trimmed(due, arrival);
    }

    /**
     * Gives back latency the input no longer needs: when every packet of a window arrived more
     * than it needs ahead of its due time (a one-off burst, such as the one the ingest's probing
     * sends at connection, left the schedule late), the schedule moves earlier by the excess. What
     * it needs is the delay plus what late arrivals added, which halves every
     * {@link #EXTRA_HALF_LIFE_NANOS}: an input that burst recently keeps its larger buffer a while.
     */
    private long trimmed(long due, long arrival) {
        long lead = due - arrival;
        windowMinLeadNanos = Math.min(windowMinLeadNanos, lead);
        if (arrival - windowStartNanos < TRIM_WINDOW_NANOS) {
            return due;
        }
        if (arrival - extraDecayedNanos >= EXTRA_HALF_LIFE_NANOS) {
            extraLeadNanos /= 2;
            extraDecayedNanos = arrival;
        }
        long excess = windowMinLeadNanos - delayNanos - extraLeadNanos;
        windowStartNanos = arrival;
        windowMinLeadNanos = Long.MAX_VALUE;
        if (excess > TRIM_MARGIN_NANOS) {
            anchorWallNanos -= excess;
            return due - excess;
        }
        return due;
    }

    /** A new connection: its packets start a schedule of their own. */
    void restart() {
        anchored = false;
        lastMediaNanos = -1;
    }

    private void run() {
        try {
            while (open) {
                Entry next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                release = release.waitingFor(next.dueNanos());
                long wait;
                while (open && (wait = next.dueNanos() - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                release = release.played(next.dueNanos());
                sink.accept(inputId, next.packet(), next.layout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * How long the input has had nothing to play: zero while packets wait in the buffer or keep
     * coming; since the pacer started when it has not delivered yet.
     */
    Duration starvedFor(long now) {
        return starvedFor(release, now);
    }

    private Duration starvedFor(Release seen, long now) {
        if (!seen.released()) {
            return Duration.ofNanos(Math.max(0, now - createdNanos));
        }
        if (seen.pendingDueNanos() != 0 || !queue.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, now - seen.lastReleasedDueNanos()));
    }

    /** How long the input has played without a dry spell; zero while it is starved. */
    Duration steadyFor(long now) {
        Release seen = release;
        if (!seen.released() || starvedFor(seen, now).toNanos() > STEADY_GAP_NANOS) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(0, now - seen.steadySinceNanos()));
    }

    /** Whether anything was played since the pacer started. */
    boolean delivered() {
        return release.released();
    }

    long dropped() {
        return dropped.get();
    }

    /** Packets that came after their due time: the input's bursts outlasted the jitter buffer. */
    long lateArrivals() {
        return lateArrivals.get();
    }

    @Override
    public void close() {
        open = false;
        thread.interrupt();
        queue.clear();
    }
}
