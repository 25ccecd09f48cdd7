package io.lunora.engine.program;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The program: the switched MPEG-TS that every consumer (rendition encoders, HLS, recording)
 * reads. Readers are called on the switcher's thread and must not block; each copies what it
 * needs into its own queue.
 */
public final class ProgramBus {
    private final CopyOnWriteArrayList<Consumer<byte[]>> readers = new CopyOnWriteArrayList<>();

    public void addReader(Consumer<byte[]> reader) {
        readers.add(reader);
    }

    public void removeReader(Consumer<byte[]> reader) {
        readers.remove(reader);
    }

    void publish(byte[] packet) {
        for (Consumer<byte[]> reader : readers) {
            reader.accept(packet);
        }
    }
}
