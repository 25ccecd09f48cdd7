package io.lunora.engine.rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.TsPacket;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacketPipeTest {
    private static final long S = Duration.ofSeconds(1).toNanos();

    /**
     * The queue is empty, but the encoder holds a second of program: the feed skips to the live
     * edge, lets the encoder put out what it held, and joins again at a keyframe.
     */
    @Test
    void shouldSkipToTheNextKeyframeWhenTheEncoderHoldsMoreThanTheLiveEdgeAllows() throws Exception {
        ByteArrayOutputStream child = new ByteArrayOutputStream();
        EncoderLatency latency = new EncoderLatency();
        PacketPipe pipe = new PacketPipe("test", child, MediaPackets.PROGRAM, PacketPipe.LIVE_EDGE, () -> { },
                latency);
        Thread.sleep(3_100); // past the child's start-up, when nothing is skipped
        long now = System.nanoTime();
        latency.output(EncoderLatencyTest.withPcr(0), now - 2 * S);
        latency.output(EncoderLatencyTest.withPcr(90_000), now); // 1 s of media put out 2 s later: 1 s held
        assertThat(latency.nanos()).isGreaterThan(PacketPipe.LIVE_EDGE.toNanos());

        pipe.accept(video(false, 1));
        await().atMost(Duration.ofSeconds(2)).until(() -> pipe.skips() == 1);
        pipe.accept(video(true, 2));
        pipe.accept(video(false, 3));
        await().atMost(Duration.ofSeconds(2)).until(() -> pipe.dropped() == 3);
        assertThat(child.size()).as("nothing written while the encoder held too much").isZero();

        Thread.sleep(1_100); // what the encoder held is out by now
        pipe.accept(video(false, 4));
        pipe.accept(video(true, 5));
        pipe.accept(video(false, 6));
        await().atMost(Duration.ofSeconds(2)).until(() -> child.size() == 2 * TsPacket.SIZE);
        assertThat(child.toByteArray()[TsPacket.SIZE - 1]).as("joined at the keyframe").isEqualTo((byte) 5);
        assertThat(pipe.dropped()).isEqualTo(4);
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
}
