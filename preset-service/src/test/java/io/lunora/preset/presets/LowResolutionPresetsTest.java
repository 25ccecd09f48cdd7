package io.lunora.preset.presets;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.destination.Platforms;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;
import io.lunora.support.problem.FieldError;
import io.lunora.support.problem.FieldErrors;
import io.lunora.support.problem.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 480p and 360p presets are accepted on every platform down to the floor of {@link PlatformLimits}
 * (640x360, 400 kbps), and the built-in catalogue has a preset of each height the operator's wizard
 * offers on every platform, each one inside its own platform's limits.
 */
class LowResolutionPresetsTest {

    @ParameterizedTest
    @ValueSource(strings = {Platforms.YOUTUBE, Platforms.X, Platforms.LINKEDIN, Platforms.CUSTOM})
    void shouldAcceptTheSpecificationsLowBandwidthPresetAndA360pOneOnEveryPlatform(String platform) {
        assertThat(problems(request(platform, "854x480", 1000))).isEmpty();
        assertThat(problems(request(platform, "640x360", PlatformLimits.MIN_BITRATE_KBPS))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {Platforms.YOUTUBE, Platforms.X, Platforms.LINKEDIN, Platforms.CUSTOM})
    void shouldRefuseBelow360pAndBelowTheMinimumBitrateNamingTheField(String platform) {
        assertThat(fields(request(platform, "426x240", 1000))).containsExactly("video.resolution");
        assertThat(fields(request(platform, "640x358", 1000))).containsExactly("video.resolution");
        assertThat(fields(request(platform, "640x360", PlatformLimits.MIN_BITRATE_KBPS - 1)))
                .containsExactly("video.bitrate_kbps");
    }

    @Test
    void shouldKeepEveryBuiltInPresetInsideItsPlatformsLimits() {
        for (EncodingPreset preset : BuiltInPresets.ALL) {
            PresetRequest asWritten = new PresetRequest(preset.name(), preset.platform(), preset.passthrough(),
                    preset.video(), preset.audio(), preset.advanced(), null);
            assertThat(problems(asWritten)).as(preset.presetId()).isEmpty();
        }
    }

    /** The wizard's High, Medium and Low (1080p, 720p, 480p), and 360p, exist on every platform (X up to 720p). */
    @Test
    void shouldOfferABuiltInPresetOfEveryWizardHeightOnEveryPlatform() {
        assertThat(heights(Platforms.YOUTUBE)).contains(1080, 720, 480, 360);
        assertThat(heights(Platforms.LINKEDIN)).contains(1080, 720, 480, 360);
        assertThat(heights(Platforms.X)).contains(720, 480, 360);
    }

    private static List<Integer> heights(String platform) {
        return BuiltInPresets.ALL.stream().filter(p -> p.platform().equals(platform))
                .map(p -> Integer.parseInt(p.video().resolution().split("x")[1])).toList();
    }

    private static PresetRequest request(String platform, String resolution, int bitrateKbps) {
        return new PresetRequest("Low bandwidth", platform, false,
                new VideoSettings(resolution, 30, bitrateKbps, "h264", "main", 2, 0),
                new AudioSettings("aac", 96, 48000, "stereo"), null, null);
    }

    private static List<FieldError> problems(PresetRequest request) {
        FieldErrors errors = new FieldErrors();
        PresetValidator.check(request, "", errors);
        try {
            errors.throwIfAny();
            return List.of();
        } catch (InvalidRequestException invalid) {
            return invalid.errors();
        }
    }

    private static List<String> fields(PresetRequest request) {
        return problems(request).stream().map(FieldError::field).toList();
    }
}
