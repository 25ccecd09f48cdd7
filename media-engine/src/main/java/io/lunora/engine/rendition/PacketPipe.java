package io.lunora.engine.rendition;

import io.lunora.engine.ts.TsPacket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds TS packets into a child's stdin from a bounded queue, on the pipe's own thread, so that
 * a slow or dead child never blocks the thread that offers packets. Three rules keep the child at
 * the live edge and the program moving:
 * <ul>
 * <li>a packet that waited longer than {@code maxLag} (the child reads slower than real time) is
 * dropped together with everything up to the next video keyframe, where the child's decoder can
 * join again; the drop is counted, never queued up as minutes of delay. The wait counts what the
 * child holds too when the engine reads its output ({@link EncoderLatency}); skipping then lasts
 * at least as long as the child needs to put out what it held, and the child's latency counts
 * again only once what it puts out was fed after the skip;</li>
 * <li>a full queue drops the offered packet (counted);</li>
 * <li>a write blocked longer than {@link #STALL} (the child stopped reading: stalled, SIGSTOPped)
 * calls {@code stalled} once, whose owner kills the child so that supervision starts it again.</li>
 * </ul>
 * Closing never touches the stream from the caller's thread: the pipe's thread closes it.
 */
public final class PacketPipe implements Consumer<byte[]> {
    private static final Logger log = LoggerFactory.getLogger(PacketPipe.class);
    /** About 5 s of a 7 Mbit/s program. */
    private static final int CAPACITY = 25_000;
    /** Long enough for a child that is merely slow (it reads its pipe in chunks) not to count as stalled. */
    static final Duration STALL = Duration.ofSeconds(10);
    /** How far behind real time a child may fall before it is brought back to the live edge. */
    public static final Duration LIVE_EDGE = Duration.ofMillis(600);
    private static final long STARTUP_NANOS = Duration.ofSeconds(3).toNanos();
    private static final Entry END = new Entry(new byte[0], 0);

    private record Entry(byte[] packet, long queuedNanos) {
    }

    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final String name;
    private final MediaPackets media;
    private final long maxLagNanos;
    private final Runnable stalled;
    private final EncoderLatency latency;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong skips = new AtomicLong();
    private final AtomicBoolean stallReported = new AtomicBoolean();
    private volatile long writingSinceNanos;
    private volatile long queuedNanos;
    private final long createdNanos = System.nanoTime();
    private volatile boolean open = true;

    /**
     * @param maxLag  how long a packet may wait before the pipe skips to the next keyframe
     * @param stalled called once when the child has not taken a write for {@link #STALL}
     */
    public PacketPipe(String name, OutputStream stdin, MediaPackets media, Duration maxLag, Runnable stalled) {
        this(name, stdin, media, maxLag, stalled, null);
    }

    /**
     * @param latency how long the child holds what it is fed; null when its output is not seen
     */
    public PacketPipe(String name, OutputStream stdin, MediaPackets media, Duration maxLag, Runnable stalled,
            EncoderLatency latency) {
        this.latency = latency;
        this.name = name;
        this.media = media;
        this.maxLagNanos = maxLag.toNanos();
        this.stalled = stalled;
        Thread.ofVirtual().name(name + "-stdin").start(() -> pump(new BufferedOutputStream(stdin, 64 * TsPacket.SIZE)));
    }

    @Override
    public void accept(byte[] packet) {
        if (!open) {
            return;
        }
        long now = System.nanoTime();
        if (!queue.offer(new Entry(packet, now))) {
            dropped.incrementAndGet();
        }
        long writing = writingSinceNanos;
        if (writing != 0 && now - writing > STALL.toNanos() && stallReported.compareAndSet(false, true)) {
            log.warn("{} took nothing from its pipe for {} s: stalled, ended so that it starts again", name,
                    STALL.toSeconds());
            stalled.run();
        }
    }

    private void pump(OutputStream out) {
        boolean skipping = false;
        long skipStart = 0;
        long skipUntil = 0;
        long countHeldFrom = 0;
        try (out) {
            while (open) {
                Entry next = queue.take();
                if (next == END) {
                    break;
                }
                long now = System.nanoTime();
                long held = latency == null || now < countHeldFrom ? 0 : latency.nanos();
                queuedNanos = now - next.queuedNanos();
                long lagNanos = queuedNanos + held;
                // no skipping while the child starts up (it reads nothing yet); after that, what
                // queued meanwhile is skipped like any other lag
                if (!skipping && lagNanos > maxLagNanos && now - createdNanos > STARTUP_NANOS
                        && media.isMedia(next.packet())) {
                    skipping = true;
                    skips.incrementAndGet();
                    // what the child holds comes out meanwhile; its latency means nothing until
                    // what it puts out was fed after the skip
                    skipStart = now;
                    skipUntil = now + held;
                    countHeldFrom = Long.MAX_VALUE;
                }
                if (skipping) {
                    if (media.isKeyframe(next.packet()) && lagNanos <= maxLagNanos / 2 && now >= skipUntil) {
                        skipping = false;
                        countHeldFrom = now + Math.max(maxLagNanos, skipUntil - skipStart);
                    } else if (media.isMedia(next.packet())) {
                        dropped.incrementAndGet();
                        continue;
                    }
                }
                writingSinceNanos = now;
                out.write(next.packet());
                if (queue.isEmpty()) {
                    out.flush();
                }
                writingSinceNanos = 0;
            }
        } catch (IOException | InterruptedException closed) {
            open = false;
        }
        writingSinceNanos = 0;
    }

    /** Stops feeding; the pipe's own thread closes the child's stdin (EOF: the child finishes). */
    public void close() {
        open = false;
        queue.clear();
        queue.offer(END);
    }

    /** Packets dropped: by a full queue or skipped to stay at the live edge. */
    public long dropped() {
        return dropped.get();
    }

    /** How many times the child fell {@code maxLag} behind and was brought back to the live edge. */
    public long skips() {
        return skips.get();
    }

    /** How long the latest packet written had waited in the queue, plus how long the child holds what it is fed. */
    public Duration lag() {
        return Duration.ofNanos(queuedNanos + (latency == null ? 0 : latency.nanos()));
    }
}
