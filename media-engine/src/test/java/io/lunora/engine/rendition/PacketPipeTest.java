package io.lunora.engine.rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.TsPacket;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PacketPipeTest {
    private static final long S = Duration.ofSeconds(1).toNanos();
    private static final byte START_UP = 1;

    /**
     * The queue is empty, but the encoder holds a second of program: the feed skips to the live
     * edge, lets the encoder put out what it held, and joins again at a keyframe.
     */
    @Test
    void shouldSkipToTheNextKeyframeWhenTheEncoderHoldsMoreThanTheLiveEdgeAllows() {
        ByteArrayOutputStream child = new ByteArrayOutputStream();
        EncoderLatency latency = new EncoderLatency();
        PacketPipe pipe = new PacketPipe("test", child, MediaPackets.PROGRAM, PacketPipe.LIVE_EDGE, () -> { },
                latency);
        long now = System.nanoTime();
        latency.output(EncoderLatencyTest.withPcr(0), now - 2 * S);
        latency.output(EncoderLatencyTest.withPcr(90_000), now); // 1 s of media put out 2 s later: 1 s held
        assertThat(latency.nanos()).isGreaterThan(PacketPipe.LIVE_EDGE.toNanos());

        // during the child's start-up nothing is skipped: packets go through until the first one after it
        AtomicInteger offered = new AtomicInteger();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (pipe.skips() == 1) {
                return true;
            }
            pipe.accept(video(false, START_UP));
            offered.incrementAndGet();
            return false;
        });
        long skipSeen = System.nanoTime();
        pipe.accept(video(true, 2));
        pipe.accept(video(false, 3));

        // the skip lasts as long as the encoder held: what it held is out a second after the skip
        await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - skipSeen > latency.nanos());
        pipe.accept(video(false, 4));
        pipe.accept(video(true, 5));
        pipe.accept(video(false, 6));

        // every packet offered is either written or dropped; the last one written is flushed
        await().atMost(Duration.ofSeconds(2)).until(() ->
                child.size() / TsPacket.SIZE + pipe.dropped() == offered.get() + 5);
        List<Byte> written = marks(child.toByteArray());
        assertThat(written.subList(0, written.size() - 2)).as("nothing written while the encoder held too much")
                .isNotEmpty().allMatch(mark -> mark == START_UP);
        assertThat(written.subList(written.size() - 2, written.size())).as("joined at the keyframe")
                .containsExactly((byte) 5, (byte) 6);
        assertThat(pipe.skips()).isEqualTo(1);
        pipe.close();
    }

    private static byte[] video(boolean keyframe, int mark) {
        byte[] p = EncoderLatencyTest.withPcr(0);
        TsPacket.setPid(p, ProgramTables.VIDEO_PID);
        if (!keyframe) {
            p[5] = 0x10;
        }
        p[TsPacket.SIZE - 1] = (byte) mark;
        return p;
    }

    /** The mark of each packet written, in order. */
    private static List<Byte> marks(byte[] written) {
        List<Byte> marks = new ArrayList<>();
        for (int end = TsPacket.SIZE; end <= written.length; end += TsPacket.SIZE) {
            marks.add(written[end - 1]);
        }
        return marks;
    }
}
