package io.lunora.engine.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.engine.rendition.TsFanOut;
import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.PsiReader;
import io.lunora.engine.ts.StreamLayout;
import io.lunora.engine.ts.TsPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenditionIngestTest {
    /** How FFmpeg's muxer lays out an SRT input: PMT on 0x1000, video 0x100, audio 0x101, but any PIDs work. */
    private static final StreamLayout SOURCE = new StreamLayout(0x20, 0x31, StreamLayout.H264, 0x32, StreamLayout.AAC);

    private final TsFanOut output = new TsFanOut();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final RenditionIngest ingest = new RenditionIngest(output, reconnects::incrementAndGet);
    private final List<byte[]> received = new ArrayList<>();

    @Test
    void shouldHandAReaderTablesThenTheLatestKeyframeOnTheProgramsFixedPids() {
        ingest.connecting("relay-360p");
        deliver(video(false), video(true), audio(), video(false));
        output.addReader(received::add);

        assertThat(received).extracting(TsPacket::pid).containsExactly(TsPacket.PAT_PID, ProgramTables.PMT_PID,
                ProgramTables.VIDEO_PID, ProgramTables.AUDIO_PID, ProgramTables.VIDEO_PID);
        assertThat(TsPacket.randomAccess(received.get(2))).isTrue();
        PsiReader tables = new PsiReader();
        received.forEach(tables::accept);
        assertThat(tables.layout()).contains(new StreamLayout(ProgramTables.PMT_PID, ProgramTables.VIDEO_PID,
                StreamLayout.H264, ProgramTables.AUDIO_PID, StreamLayout.AAC));
    }

    @Test
    void shouldDropStreamsOtherThanTheVideoAndAudioOfTheLayout() {
        output.addReader(received::add);
        ingest.connecting("relay-360p");
        deliver(video(true), packet(0x40, false));

        assertThat(received).extracting(TsPacket::pid).containsExactly(TsPacket.PAT_PID, ProgramTables.PMT_PID,
                ProgramTables.VIDEO_PID);
    }

    @Test
    void shouldStartOverAndReportWhenTheCallerConnectsAgainButNotOnTheFirstConnection() {
        ingest.connecting("relay-360p");
        deliver(video(true), video(false));
        assertThat(reconnects).hasValue(0);
        output.addReader(received::add);
        received.clear();

        ingest.connecting("relay-360p");
        deliver(video(false), audio());
        assertThat(reconnects).hasValue(1);
        assertThat(received).as("the reader waits for the new stream's first keyframe").isEmpty();
        deliver(video(true));
        assertThat(received).extracting(TsPacket::pid).containsExactly(TsPacket.PAT_PID, ProgramTables.PMT_PID,
                ProgramTables.VIDEO_PID);
    }

    private void deliver(byte[]... packets) {
        for (byte[] p : packets) {
            ingest.accept("relay-360p", p, SOURCE);
        }
    }

    private static byte[] video(boolean keyframe) {
        return packet(SOURCE.videoPid(), keyframe);
    }

    private static byte[] audio() {
        return packet(SOURCE.audioPid(), false);
    }

    /** A packet with an adaptation field, its random access indicator set for a keyframe. */
    private static byte[] packet(int pid, boolean keyframe) {
        byte[] p = new byte[TsPacket.SIZE];
        Arrays.fill(p, (byte) 0xFF);
        p[0] = TsPacket.SYNC;
        p[1] = (byte) (0x40 | (pid >> 8));
        p[2] = (byte) pid;
        p[3] = 0x30;
        p[4] = 1;
        p[5] = (byte) (keyframe ? 0x40 : 0);
        return p;
    }
}
