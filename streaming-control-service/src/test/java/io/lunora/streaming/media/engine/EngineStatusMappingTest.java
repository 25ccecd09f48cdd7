package io.lunora.streaming.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.media.EngineStatus;
import io.lunora.model.media.InputMedia;
import io.lunora.streaming.media.ChannelStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every figure of the engine's answer reaches the media port's status, a degraded encoder included. */
class EngineStatusMappingTest {

    @Test
    void shouldCarryInputsOutputsAndEncodersWithTheirDegradeIntoTheChannelStatus() {
        InputMedia media = new InputMedia("h264", 1280, 720, 30.0, "aac", 48_000, "stereo");
        EngineStatus engine = new EngineStatus(true, "channel", "primary", "slate",
                List.of(new EngineStatus.Input("primary", "primary", true, 2400, 12, 3, 95, media)),
                List.of(new EngineStatus.Output("d-1", "live", "h264-720p", 2500, 1_000_000, null, 0, 0.98, 240, 17, 900,
                        true)),
                List.of(new EngineStatus.Encoder("rendition-h264-720p", 0.97, 200, 17, 800, 2, "ultrafast", true)), true);

        ChannelStatus status = LocalEngineBackend.toChannelStatus(engine);

        assertThat(status.running()).isTrue();
        assertThat(status.activeInput()).isEqualTo("primary");
        assertThat(status.onAir()).isEqualTo("slate");
        assertThat(status.paused()).isTrue();
        assertThat(status.inputs()).containsExactly(new ChannelStatus.InputHealth("primary", true, 2400, 12, 3, 95, media));
        assertThat(status.outputs()).containsExactly(
                new ChannelStatus.OutputStatus("d-1", "live", 2500, 1_000_000, null, 0.98, 240, 17, 900, true));
        assertThat(status.encoders()).containsExactly(
                new ChannelStatus.EncoderStatus("rendition-h264-720p", 0.97, 200, 17, 800, 2, "ultrafast", true));
    }
}
