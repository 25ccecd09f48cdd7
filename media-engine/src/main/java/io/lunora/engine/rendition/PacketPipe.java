package io.lunora.engine.rendition;

import io.lunora.engine.ts.TsPacket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Feeds TS packets into a child's stdin from a bounded queue, on the pipe's own thread, so that
 * a slow or dead child never blocks the thread that offers packets: when the queue is full the
 * packet is dropped and counted.
 */
public final class PacketPipe implements Consumer<byte[]> {
    /** About 5 s of a 7 Mbit/s program. */
    private static final int CAPACITY = 25_000;

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean open = true;

    public PacketPipe(String name, OutputStream stdin) {
        Thread.ofVirtual().name(name + "-stdin").start(() -> pump(new BufferedOutputStream(stdin, 64 * TsPacket.SIZE)));
    }

    @Override
    public void accept(byte[] packet) {
        if (open && !queue.offer(packet)) {
            dropped.incrementAndGet();
        }
    }

    private void pump(OutputStream out) {
        try (out) {
            while (open) {
                out.write(queue.take());
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException closed) {
            open = false;
        }
    }

    public void close() {
        open = false;
        queue.clear();
        queue.offer(new byte[0]);
    }

    public long dropped() {
        return dropped.get();
    }
}
