package io.lunora.engine.program;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The program: the switched MPEG-TS that every consumer (rendition encoders, HLS, recording)
 * reads; also one input's own stream, for its preview. Readers are called on the switcher's thread and must not block; each copies what it
 * needs into its own queue.
 */
public final class ProgramBus {
    private final CopyOnWriteArrayList<Consumer<byte[]>> readers = new CopyOnWriteArrayList<>();
    private volatile Primer primer;

    /** Hands a joining reader what lets it start at once, then lets it join, with no live packet in between. */
    @FunctionalInterface
    public interface Primer {
        void join(Consumer<byte[]> reader, Runnable joinLive);
    }

    /** The program's switcher primes every joining reader with the picture on air (see {@link Switcher}). */
    void primeWith(Primer primer) {
        this.primer = primer;
    }

    public void addReader(Consumer<byte[]> reader) {
        Primer current = primer;
        if (current == null) {
            readers.add(reader);
        } else {
            current.join(reader, () -> readers.add(reader));
        }
    }

    public void removeReader(Consumer<byte[]> reader) {
        readers.remove(reader);
    }

    /** Hands {@code packet} to every reader, on the caller's thread. */
    public void publish(byte[] packet) {
        for (Consumer<byte[]> reader : readers) {
            reader.accept(packet);
        }
    }
}
