package io.lunora.engine.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.media.InputMedia;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FFmpeg's description of its input, as Debian's FFmpeg 5.1 prints it at level info (stripped lines). */
class InputMediaReaderTest {
    static final List<String> DEBIAN_H264_AAC = List.of(
            "Input #0, mpegts, from 'pipe:0':",
            "Duration: N/A, start: 1.456778, bitrate: N/A",
            "Program 1",
            "Metadata:",
            "service_name    : Service01",
            "Stream #0:0[0x100]: Video: h264 (High) ([27][0][0][0] / 0x001B), yuv420p(progressive), 640x360 [SAR 1:1 DAR 16:9], 25 fps, 25 tbr, 90k tbn",
            "Stream #0:1[0x101]: Audio: aac (LC) ([15][0][0][0] / 0x000F), 44100 Hz, stereo, fltp, 129 kb/s",
            "Stream mapping:",
            "Stream #0:0 -> #0:0 (h264 (native) -> mjpeg (native))",
            "Output #0, image2, to '/tmp/x.jpg':",
            "Stream #0:0: Video: mjpeg, yuvj420p(pc), 320x180 [SAR 1:1 DAR 16:9], q=2-31, 200 kb/s, 1 fps, 1 tbn");

    @Test
    void shouldReadTheInputsStreamsAndNotTheOutputs() {
        InputMediaReader reader = new InputMediaReader();
        assertThat(reader.media()).as("nothing before FFmpeg has opened its input").isEmpty();

        DEBIAN_H264_AAC.forEach(reader);

        assertThat(reader.media()).contains(new InputMedia("h264", 640, 360, 25.0, "aac", 44100, "stereo"));
    }

    @Test
    void shouldReplaceTheDescriptionWhenTheInputIsOpenedAgain() {
        InputMediaReader reader = new InputMediaReader();
        DEBIAN_H264_AAC.forEach(reader);

        List.of("Input #0, mpegts, from 'pipe:0':",
                "Stream #0:0[0x1e1]: Video: hevc (Main) (HEVC / 0x43564548), yuv420p(tv), 1920x1080, 29.97 fps, 29.97 tbr, 90k tbn",
                "Stream mapping:").forEach(reader);

        assertThat(reader.media()).as("a video-only stream: no audio fields")
                .contains(new InputMedia("hevc", 1920, 1080, 29.97, null, null, null));
    }

    @Test
    void shouldKeepTheLastDescriptionWhileANewOneIsIncomplete() {
        InputMediaReader reader = new InputMediaReader();
        DEBIAN_H264_AAC.forEach(reader);

        reader.accept("Input #0, mpegts, from 'pipe:0':");
        reader.accept("[mpegts @ 0x55] Could not find codec parameters for stream 0");

        assertThat(reader.media().orElseThrow().width()).isEqualTo(640);
    }
}
