package io.lunora.engine.rendition;

import io.lunora.engine.ts.PsiReader;
import io.lunora.engine.ts.TsPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Hands one encoder's output to its readers. It keeps the packets since the latest keyframe (a
 * GOP cache, as RTMP servers do for players): a new reader gets the latest PAT and PMT, then that
 * keyframe and what followed it, at once, so a pusher starts decodable and without waiting for
 * the next keyframe. Before the first keyframe (or past the cache's size) a reader joins at the
 * next keyframe instead.
 * <p>
 * Its state belongs to the thread that publishes (the running encoder's output reader; one at a
 * time): readers joining and leaving from other threads are messages it takes before its next
 * packet (on the publishing thread itself they act at once), so a joining reader gets the cache
 * and then the live packets with none slipping in between, and no lock is held while a reader is
 * called. What others read (which PIDs are media) is an immutable snapshot.
 */
public final class TsFanOut implements MediaPackets {
    /** About 4 s of an 8 Mbit/s rendition; a longer GOP is not cached. */
    private static final int CACHE_LIMIT = 20_000;

    /** Readers waiting to join, and readers leaving: the messages to the publishing thread. */
    private final Set<Consumer<byte[]>> joining = ConcurrentHashMap.newKeySet();
    private final Set<Consumer<byte[]>> leaving = ConcurrentHashMap.newKeySet();
    /** The media PIDs of the stream now, for the pipes' live-edge checks on their own threads. */
    private volatile Pids pids = new Pids(-1, -1);
    /** The thread that published last: the owner of the state below. */
    private volatile Thread publisher;
    // owned by the publishing thread
    private final List<Reader> readers = new ArrayList<>();
    private final List<byte[]> gop = new ArrayList<>();
    private final PsiReader tables = new PsiReader();
    private boolean gopComplete;
    private byte[] pat;
    private byte[] pmt;

    private record Pids(int video, int audio) {
    }

    private static final class Reader {
        final Consumer<byte[]> consumer;
        boolean joined;

        Reader(Consumer<byte[]> consumer) {
            this.consumer = consumer;
        }
    }

    /** Joins before the next packet: with the cached GOP when there is one, else at the next keyframe. */
    public void addReader(Consumer<byte[]> consumer) {
        leaving.remove(consumer);
        joining.add(consumer);
        if (Thread.currentThread() == publisher) {
            takeMessages();
        }
    }

    /** Leaves before the next packet (a reader gets nothing after its pipe was closed that matters). */
    public void removeReader(Consumer<byte[]> consumer) {
        if (!joining.remove(consumer)) {
            leaving.add(consumer);
        }
        if (Thread.currentThread() == publisher) {
            takeMessages();
        }
    }

    /**
     * Hands one packet to every reader; the fan-out keeps it (for the GOP cache), the caller must
     * not reuse it. Called by one thread at a time (the stream's publisher).
     */
    public void publish(byte[] packet) {
        Thread current = Thread.currentThread();
        if (publisher != current) {
            publisher = current; // a new encoder's reader took over, after the old one's last packet
        }
        takeMessages();
        int pid = TsPacket.pid(packet);
        tables.accept(packet);
        if (pid == TsPacket.PAT_PID) {
            pat = packet;
        } else if (tables.isTable(pid)) {
            pmt = packet;
        }
        tables.layout().ifPresent(layout -> {
            if (layout.videoPid() != pids.video() || layout.audioPid() != pids.audio()) {
                pids = new Pids(layout.videoPid(), layout.audioPid());
            }
        });
        boolean keyframe = isKeyframe(packet);
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

    private void takeMessages() {
        if (!leaving.isEmpty()) {
            for (Consumer<byte[]> consumer : leaving) {
                if (leaving.remove(consumer)) {
                    readers.removeIf(r -> r.consumer == consumer);
                }
            }
        }
        if (!joining.isEmpty()) {
            for (Consumer<byte[]> consumer : joining) {
                if (joining.remove(consumer)) { // claimed: a removeReader from now on goes to leaving
                    join(consumer);
                }
            }
        }
    }

    private void join(Consumer<byte[]> consumer) {
        Reader reader = new Reader(consumer);
        if (gopComplete && pat != null && pmt != null) {
            consumer.accept(pat);
            consumer.accept(pmt);
            gop.forEach(consumer);
            reader.joined = true;
        }
        readers.add(reader);
    }

    @Override
    public boolean isMedia(byte[] packet) {
        int pid = TsPacket.pid(packet);
        Pids now = pids;
        return pid == now.video() || pid == now.audio();
    }

    @Override
    public boolean isKeyframe(byte[] packet) {
        return TsPacket.pid(packet) == pids.video() && TsPacket.randomAccess(packet);
    }

    /**
     * The stream starts over (its source reconnected): what was cached belongs to the old stream,
     * so it is dropped, and every reader waits for the new stream's tables and first keyframe.
     * Called by the publishing thread, before the new stream's first packet.
     */
    public void restart() {
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
