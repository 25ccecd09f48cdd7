package io.lunora.engine.rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.engine.rendition.RenditionPreset;
import io.lunora.engine.rendition.SourceFormat;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.support.problem.InvalidFieldException;
import org.junit.jupiter.api.Test;

class PresetMappingTest {
    private static EncodingPreset preset(EncodingPreset.VideoSettings video, EncodingPreset.AdvancedSettings advanced) {
        return new EncodingPreset("p1", "youtube", "YouTube HD", false, false, video,
                new EncodingPreset.AudioSettings("aac", 128, 48000, "stereo"), advanced, 1L, null, null);
    }

    @Test
    void shouldFillTheGopAndBufferFromTheFrameRateKeyframeIntervalAndBitrate() {
        RenditionPreset rendition = PresetMapping.toRendition(preset(
                new EncodingPreset.VideoSettings("1920x1080", 30, 6000, "h264", "high", 2, 2), null));

        assertThat(rendition).isEqualTo(new RenditionPreset(false, 1920, 1080, 30, 6000, "cbr", 12000, "h264", "high",
                60, 2, "aac", 128, 48000, 2));
    }

    @Test
    void shouldShareOneRenditionBetweenTwoPresetsWithTheSameEncodingUnderOtherNames() {
        EncodingPreset.VideoSettings video = new EncodingPreset.VideoSettings("1280x720", 30, 2500, "h264", "main", 2, 1);
        EncodingPreset other = new EncodingPreset("p2", "x", "X copy", false, null, video,
                new EncodingPreset.AudioSettings("aac", 128, 48000, "stereo"), null, 4L, null, null);

        assertThat(PresetMapping.toRendition(other)).isEqualTo(PresetMapping.toRendition(preset(video, null)));
    }

    @Test
    void shouldUseTheAdvancedSettingsAndDropBFramesForBaseline() {
        RenditionPreset rendition = PresetMapping.toRendition(preset(
                new EncodingPreset.VideoSettings("640x360", 25, 800, "h264", "baseline", 2, 2),
                new EncodingPreset.AdvancedSettings(25, "vbr", 3000)));

        assertThat(rendition.gopFrames()).isEqualTo(25);
        assertThat(rendition.rateControl()).isEqualTo("vbr");
        assertThat(rendition.bufferKbps()).isEqualTo(3000);
        assertThat(rendition.bFrames()).isZero();
    }

    @Test
    void shouldKeepAPassthroughPresetsDeclaredSettingsToCheckTheSourceAndToEncodeWhenItDoesNotFit() {
        EncodingPreset.VideoSettings video = new EncodingPreset.VideoSettings("640x360", 25, 800, "h264", "main", 2, 0);
        EncodingPreset passthrough = new EncodingPreset("p3", "custom", "Copy", false, true, video,
                new EncodingPreset.AudioSettings("aac", 128, 48000, "stereo"), null, 1L, null, null);

        RenditionPreset rendition = PresetMapping.toRendition(passthrough);

        assertThat(rendition.passthrough()).isTrue();
        assertThat(rendition.label()).isEqualTo("copy-h264-640x360p25");
        assertThat(rendition.encoded()).isEqualTo(PresetMapping.toRendition(preset(video, null)));
        assertThat(rendition).isNotEqualTo(rendition.encoded()); // a copy and an encoder are two renditions
        assertThat(rendition.fits(new SourceFormat("h264", 640, 360, 25, "aac", 48000, 2))).isTrue();
        assertThat(rendition.fits(new SourceFormat("h264", 640, 360, 25, null, 0, 0))).isTrue();
        assertThat(rendition.fits(new SourceFormat("h264", 1280, 720, 25, "aac", 48000, 2))).isFalse();
        assertThat(rendition.fits(new SourceFormat("h264", 640, 360, 30, "aac", 48000, 2))).isFalse();
        assertThat(rendition.fits(new SourceFormat("hevc", 640, 360, 25, "aac", 48000, 2))).isFalse();
        assertThat(rendition.fits(new SourceFormat("h264", 640, 360, 25, "aac", 44100, 2))).isFalse();
        assertThatThrownBy(() -> PresetMapping.toRendition(new EncodingPreset("p4", "custom", "Copy", false, true,
                new EncodingPreset.VideoSettings(null, 25, 800, "h264", "main", 2, 0), passthrough.audio(), null, 1L,
                null, null))).isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("preset.video.resolution"));
    }

    @Test
    void shouldNameTheFieldAtFaultForAnInvalidPreset() {
        assertThatThrownBy(() -> PresetMapping.toRendition(preset(
                new EncodingPreset.VideoSettings("1920x1081", 30, 6000, "h264", "high", 2, 2), null)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("preset.video.resolution"));
        assertThatThrownBy(() -> PresetMapping.toRendition(preset(
                new EncodingPreset.VideoSettings("1920x1080", 30, 6000, "vp9", "high", 2, 2), null)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("preset.video.codec"));
        assertThatThrownBy(() -> PresetMapping.toRendition(preset(
                new EncodingPreset.VideoSettings("1920x1080", 0, 6000, "h264", "high", 2, 2), null)))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("preset.video.frame_rate"));
    }
}
