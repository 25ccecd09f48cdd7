package io.lunora.engine.rendition;

import io.lunora.engine.ts.PsiReader;
import io.lunora.engine.ts.TsPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands one encoder's output to its readers. It keeps the packets since the latest keyframe (a
 * GOP cache, as RTMP servers do for players): a new reader gets the latest PAT and PMT, then that
 * keyframe and what followed it, at once, so a pusher starts decodable and without waiting for
 * the next keyframe. Before the first keyframe (or past the cache's size) a reader joins at the
 * next keyframe instead.
 */
public final class TsFanOut implements MediaPackets {
    /** About 4 s of an 8 Mbit/s rendition; a longer GOP is not cached. */
    private static final int CACHE_LIMIT = 20_000;

    private final List<Reader> readers = new ArrayList<>();
    private final List<byte[]> gop = new ArrayList<>();
    private final PsiReader tables = new PsiReader();
    private boolean gopComplete;
    private byte[] pat;
    private byte[] pmt;
    private volatile int videoPid = -1;
    private volatile int audioPid = -1;

    private static final class Reader {
        final Consumer<byte[]> consumer;
        boolean joined;

        Reader(Consumer<byte[]> consumer) {
            this.consumer = consumer;
        }
    }

    public synchronized void addReader(Consumer<byte[]> consumer) {
        Reader reader = new Reader(consumer);
        if (gopComplete && pat != null && pmt != null) {
            consumer.accept(pat);
            consumer.accept(pmt);
            gop.forEach(consumer);
            reader.joined = true;
        }
        readers.add(reader);
    }

    public synchronized void removeReader(Consumer<byte[]> consumer) {
        readers.removeIf(r -> r.consumer == consumer);
    }

    /** Hands one packet to every reader; the fan-out keeps it (for the GOP cache), the caller must not reuse it. */
    public synchronized void publish(byte[] packet) {
        int pid = TsPacket.pid(packet);
        tables.accept(packet);
        if (pid == TsPacket.PAT_PID) {
            pat = packet;
        } else if (tables.isTable(pid)) {
            pmt = packet;
        }
        tables.layout().ifPresent(layout -> {
            videoPid = layout.videoPid();
            audioPid = layout.audioPid();
        });
        boolean keyframe = pid == videoPid && TsPacket.randomAccess(packet);
        cache(packet, keyframe);
        for (Reader reader : readers) {
            if (!reader.joined) {
                if (!keyframe || pat == null || pmt == null) {
                    continue;
                }
                reader.consumer.accept(pat);
                reader.consumer.accept(pmt);
                reader.joined = true;
            }
            reader.consumer.accept(packet);
        }
    }

    @Override
    public boolean isMedia(byte[] packet) {
        int pid = TsPacket.pid(packet);
        return pid == videoPid || pid == audioPid;
    }

    @Override
    public boolean isKeyframe(byte[] packet) {
        return TsPacket.pid(packet) == videoPid && TsPacket.randomAccess(packet);
    }

    /**
     * The stream starts over (its source reconnected): what was cached belongs to the old stream,
     * so it is dropped, and every reader waits for the new stream's tables and first keyframe.
     */
    public synchronized void restart() {
        gop.clear();
        gopComplete = false;
        pat = null;
        pmt = null;
        readers.forEach(r -> r.joined = false);
    }

    private void cache(byte[] packet, boolean keyframe) {
        if (keyframe) {
            gop.clear();
            gopComplete = true;
        }
        if (!gopComplete) {
            return;
        }
        if (gop.size() == CACHE_LIMIT) {
            gop.clear();
            gopComplete = false;
            return;
        }
        gop.add(packet);
    }
}
