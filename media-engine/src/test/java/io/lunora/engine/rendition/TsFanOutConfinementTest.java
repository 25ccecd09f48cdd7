package io.lunora.engine.rendition;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.TsPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The fan-out's state belongs to its publisher: readers joining and leaving from many threads
 * while packets flow each get a stream that starts decodable (PAT, PMT, keyframe) and has no
 * gap, are called on the publisher's thread only, and get nothing once they left.
 */
class TsFanOutConfinementTest {
    private static final int GOP = 30;

    @Test
    void shouldGiveEveryReaderJoiningFromAnyThreadAGaplessDecodableStreamOnThePublishersThread() throws Exception {
        TsFanOut fanOut = new TsFanOut();
        AtomicBoolean stop = new AtomicBoolean();
        List<Recorder> left = new CopyOnWriteArrayList<>();
        List<Recorder> staying = new CopyOnWriteArrayList<>();
        Thread publisher = Thread.ofPlatform().name("publisher").start(() -> {
            for (int n = 0; !stop.get(); n++) {
                if (n % GOP == 0) {
                    fanOut.publish(ProgramTables.pat(n / GOP));
                    fanOut.publish(ProgramTables.pmt(n / GOP, 0, 0x1B, 0x0F));
                }
                fanOut.publish(video(n, n % GOP == 0));
                if (n % 10 == 9) {
                    Thread.onSpinWait();
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                }
            }
        });
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            work.add(readers.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    Recorder reader = new Recorder();
                    fanOut.addReader(reader);
                    pause(5);
                    if (i % 2 == 0) {
                        fanOut.removeReader(reader);
                        left.add(reader);
                    } else {
                        staying.add(reader);
                    }
                }
            }));
        }
        for (Future<?> each : work) {
            each.get(10, TimeUnit.SECONDS);
        }
        pause(100);
        List<Integer> leftCounts = left.stream().map(r -> r.packets.size()).toList();
        pause(100);
        stop.set(true);
        publisher.join(5_000);
        readers.shutdown();

        assertThat(left.stream().map(r -> r.packets.size()).toList()).as("nothing reaches a reader that left")
                .isEqualTo(leftCounts);
        assertThat(staying).hasSize(100).allSatisfy(reader -> {
            assertThat(reader.threads).containsOnly("publisher");
            assertThat(reader.packets).hasSizeGreaterThan(GOP);
            assertThat(TsPacket.pid(reader.packets.get(0))).isEqualTo(TsPacket.PAT_PID);
            assertThat(TsPacket.pid(reader.packets.get(1))).isEqualTo(ProgramTables.PMT_PID);
            assertThat(TsPacket.randomAccess(reader.packets.get(2))).isTrue();
            assertThat(reader.gaps()).isZero();
        });
    }

    /** A video packet numbered {@code n} in its payload. */
    private static byte[] video(int n, boolean keyframe) {
        byte[] packet = new byte[TsPacket.SIZE];
        packet[0] = TsPacket.SYNC;
        packet[1] = 0x41;
        packet[2] = 0x00; // PID 0x100, payload start
        packet[3] = (byte) (0x30 | (n & 0x0F));
        packet[4] = 1;
        packet[5] = (byte) (keyframe ? 0x40 : 0x00);
        java.nio.ByteBuffer.wrap(packet).putInt(100, n);
        return packet;
    }

    private static final class Recorder implements Consumer<byte[]> {
        final List<byte[]> packets = new CopyOnWriteArrayList<>();
        final java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void accept(byte[] packet) {
            threads.add(Thread.currentThread().getName());
            packets.add(packet);
        }

        /** Video packets whose number does not follow the one before. */
        long gaps() {
            int last = -1;
            long gaps = 0;
            for (byte[] packet : packets) {
                if (TsPacket.pid(packet) != ProgramTables.VIDEO_PID) {
                    continue;
                }
                int n = java.nio.ByteBuffer.wrap(packet).getInt(100);
                if (last >= 0 && n != last + 1) {
                    gaps++;
                }
                last = n;
            }
            return gaps;
        }
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
