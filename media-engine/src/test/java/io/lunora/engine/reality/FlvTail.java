package io.lunora.engine.reality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows an FLV recording while the receiver writes it (nginx-rtmp writes every frame as it
 * comes), noting for each video tag its timestamp and when it arrived, read every 20 ms. From
 * that come the arrival gaps and the lag.
 *
 * <p>Lag, the method: the receiver is behind real time by what the wall clock advanced minus
 * what the media advanced. {@code raw(t) = (t - firstArrival) - (lastTimestamp(t) - firstTimestamp)}
 * grows by one second for each second the stream falls behind (an encoder slower than real
 * time, a stalled pipe) and stays flat while it keeps up. Its absolute value also holds the
 * constant start-up offset (the first GOP comes in a burst), so the lag at {@code t} is
 * {@code raw(t) - min(raw(s), s <= t)}: how far the receiver fell behind the best it ever was.
 * The engine stamps its program with the wall clock when its encoder reads it: a stall after
 * that point shows as lag here, a backlog in front of the encoder does not (the timestamps stretch
 * with it); that one shows only in the pictures (kill to the switch reaching the receiver).
 */
public final class FlvTail implements AutoCloseable {
    /** A video tag: its FLV timestamp and when this tail saw it (System.nanoTime). */
    public record Tag(long timestampMs, long arrivalNanos, boolean keyframe) {
    }

    /** The lag at one instant. */
    public record LagSample(long wallNanos, long lagMs) {
    }

    private final Path file;
    private final Thread reader;
    private final List<Tag> tags = new ArrayList<>();
    private final List<LagSample> lag = new ArrayList<>();
    private volatile boolean closed;
    private long offset;
    private long minimumRaw = Long.MAX_VALUE;

    private FlvTail(Path file) {
        this.file = file;
        this.reader = Thread.ofVirtual().name("flv-tail-" + file.getFileName()).start(this::follow);
    }

    public static FlvTail follow(Path file) {
        return new FlvTail(file);
    }

    private void follow() {
        try {
            while (!closed) {
                if (Files.exists(file)) {
                    readNewTags();
                }
                sampleLag();
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readNewTags() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset == 0) {
                if (size < 13) {
                    return;
                }
                offset = 13; // "FLV" header (9 bytes) and the first previous-tag-size
            }
            ByteBuffer header = ByteBuffer.allocate(11);
            long now = System.nanoTime();
            while (offset + 11 <= size) {
                header.clear();
                channel.read(header, offset);
                int type = header.get(0) & 0x1f;
                int dataSize = ((header.get(1) & 0xff) << 16) | ((header.get(2) & 0xff) << 8) | (header.get(3) & 0xff);
                long timestamp = ((long) (header.get(7) & 0xff) << 24) | ((header.get(4) & 0xff) << 16)
                        | ((header.get(5) & 0xff) << 8) | (header.get(6) & 0xff);
                long end = offset + 11 + dataSize + 4;
                if (end > size) {
                    return; // the tag is still being written
                }
                if (type == 9 && dataSize > 0) {
                    ByteBuffer first = ByteBuffer.allocate(2);
                    channel.read(first, offset + 11);
                    boolean sequenceHeader = (first.get(0) & 0x0f) == 7 && first.get(1) == 0;
                    if (!sequenceHeader) {
                        synchronized (this) {
                            tags.add(new Tag(timestamp, now, (first.get(0) & 0xf0) >> 4 == 1));
                        }
                    }
                }
                offset = end;
            }
        }
    }

    private synchronized void sampleLag() {
        if (tags.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        Tag first = tags.getFirst();
        long raw = (now - first.arrivalNanos()) / 1_000_000 - (tags.getLast().timestampMs() - first.timestampMs());
        minimumRaw = Math.min(minimumRaw, raw);
        lag.add(new LagSample(now, raw - minimumRaw));
    }

    /** When the first video tag was seen (System.nanoTime); 0 before it. */
    public synchronized long firstArrivalNanos() {
        return tags.isEmpty() ? 0 : tags.get(0).arrivalNanos();
    }

    public synchronized int frames() {
        return tags.size();
    }

    /** The largest lag sampled between two instants (System.nanoTime), in ms. */
    public synchronized long largestLagMs(long fromNanos, long toNanos) {
        return lag.stream().filter(s -> s.wallNanos() >= fromNanos && s.wallNanos() <= toNanos)
                .mapToLong(LagSample::lagMs).max().orElse(-1);
    }

    /** The lag now, in ms. */
    public synchronized long lagMs() {
        return lag.isEmpty() ? -1 : lag.getLast().lagMs();
    }

    /** The longest wait between two video frames arriving, among those that arrived between two instants. */
    public synchronized long largestArrivalGapMs(long fromNanos, long toNanos) {
        long largest = 0;
        for (int i = 1; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            if (tag.arrivalNanos() >= fromNanos && tag.arrivalNanos() <= toNanos) {
                largest = Math.max(largest, (tag.arrivalNanos() - tags.get(i - 1).arrivalNanos()) / 1_000_000);
            }
        }
        return largest;
    }

    /** The largest step between consecutive frames' timestamps, among frames that arrived between two instants. */
    public synchronized long largestTimestampGapMs(long fromNanos, long toNanos) {
        long largest = 0;
        for (int i = 1; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            if (tag.arrivalNanos() >= fromNanos && tag.arrivalNanos() <= toNanos) {
                largest = Math.max(largest, tag.timestampMs() - tags.get(i - 1).timestampMs());
            }
        }
        return largest;
    }

    /** The timestamp of the last frame that had arrived at an instant, or -1. */
    public synchronized long timestampAt(long wallNanos) {
        long timestamp = -1;
        for (Tag tag : tags) {
            if (tag.arrivalNanos() > wallNanos) {
                break;
            }
            timestamp = tag.timestampMs();
        }
        return timestamp;
    }

    /** When the first frame with a timestamp at or after {@code timestampMs} arrived, or -1. */
    public synchronized long arrivalOf(long timestampMs) {
        return tags.stream().filter(t -> t.timestampMs() >= timestampMs).mapToLong(Tag::arrivalNanos).findFirst()
                .orElse(-1);
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
