package io.lunora.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressParserTest {
    @Test
    void shouldMakeOneReportPerProgressBlock() {
        ProgressParser parser = new ProgressParser();
        List<String> lines = List.of("frame=250", "fps=25.02", "stream_0_0_q=28.0", "bitrate= 812.4kbits/s",
                "total_size=1015808", "out_time_us=10000000", "dup_frames=2", "drop_frames=3", "speed=1.01x");

        lines.forEach(l -> assertThat(parser.accept(l)).isEmpty());
        Optional<Progress> report = parser.accept("progress=continue");

        assertThat(report).contains(new Progress(250, 25.02, 812.4, 1.01, 3, 2, 1015808, 10000000));
    }

    @Test
    void shouldReadUnknownValuesAsZero() {
        ProgressParser parser = new ProgressParser();
        parser.accept("bitrate=N/A");
        parser.accept("speed=N/A");

        assertThat(parser.accept("progress=continue")).contains(Progress.NONE);
    }

    @Test
    void shouldAverageTheBitrateFromSizeAndTimeWhenFfmpegDoesNotSayIt() {
        ProgressParser parser = new ProgressParser();
        parser.accept("total_size=2500000");
        parser.accept("out_time_us=8000000");
        parser.accept("bitrate=N/A");

        assertThat(parser.accept("progress=continue")).hasValueSatisfying(p -> assertThat(p.bitrateKbps())
                .isEqualTo(2500.0));
    }

    @Test
    void shouldTellProgressLinesFromLogLines() {
        assertThat(ProgressParser.isProgressLine("out_time_us=1000")).isTrue();
        assertThat(ProgressParser.isProgressLine("[mpegts @ 0x55] Packet corrupt (stream = 0)")).isFalse();
        assertThat(ProgressParser.isProgressLine("Error opening output file x=1")).isFalse();
    }
}
