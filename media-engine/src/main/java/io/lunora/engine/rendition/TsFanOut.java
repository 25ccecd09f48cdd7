package io.lunora.engine.rendition;

import io.lunora.engine.ts.PsiReader;
import io.lunora.engine.ts.TsPacket;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hands one encoder's output to its readers. A reader joins at the next keyframe: it first gets
 * the latest PAT and PMT, then packets from the keyframe on, so every pusher starts decodable.
 */
public final class TsFanOut {
    private final CopyOnWriteArrayList<Reader> readers = new CopyOnWriteArrayList<>();
    private final PsiReader tables = new PsiReader();
    private volatile byte[] pat;
    private volatile byte[] pmt;

    private static final class Reader {
        final Consumer<byte[]> consumer;
        volatile boolean joined;

        Reader(Consumer<byte[]> consumer) {
            this.consumer = consumer;
        }
    }

    public void addReader(Consumer<byte[]> consumer) {
        readers.add(new Reader(consumer));
    }

    public void removeReader(Consumer<byte[]> consumer) {
        readers.removeIf(r -> r.consumer == consumer);
    }

    void publish(byte[] packet) {
        int pid = TsPacket.pid(packet);
        tables.accept(packet);
        if (pid == TsPacket.PAT_PID) {
            pat = packet.clone();
        } else if (tables.isTable(pid)) {
            pmt = packet.clone();
        }
        boolean keyframe = tables.layout().map(l -> l.isVideo(pid)).orElse(false) && TsPacket.randomAccess(packet);
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
}
