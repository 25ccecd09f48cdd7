package io.lunora.streaming.media.medialive;

import software.amazon.awssdk.services.medialive.model.FrameCaptureGroupSettings;
import software.amazon.awssdk.services.medialive.model.FrameCaptureIntervalUnit;
import software.amazon.awssdk.services.medialive.model.FrameCaptureOutputSettings;
import software.amazon.awssdk.services.medialive.model.FrameCaptureSettings;
import software.amazon.awssdk.services.medialive.model.Output;
import software.amazon.awssdk.services.medialive.model.OutputDestination;
import software.amazon.awssdk.services.medialive.model.OutputDestinationSettings;
import software.amazon.awssdk.services.medialive.model.OutputGroup;
import software.amazon.awssdk.services.medialive.model.OutputGroupSettings;
import software.amazon.awssdk.services.medialive.model.OutputLocationRef;
import software.amazon.awssdk.services.medialive.model.OutputSettings;
import software.amazon.awssdk.services.medialive.model.VideoCodecSettings;
import software.amazon.awssdk.services.medialive.model.VideoDescription;

/**
 * The viewer portal's live thumbnails on every channel, like the local engine's: a Frame Capture
 * output group writing a 640x360 JPEG every 10 s to {@code thumbnails/{org}/live.NNNNN.jpg} in the
 * organization's bucket (expired after 30 days by the media stack), where viewer-service reads the
 * newest one. A frame capture output has video only, so it costs one small encode and no audio.
 */
final class ThumbnailCapture {
    static final String DESTINATION = "thumbnails";
    static final String VIDEO = "video-thumbnail";
    static final int INTERVAL_SECONDS = 10;
    static final int WIDTH = 640;
    static final int HEIGHT = 360;

    private ThumbnailCapture() {
    }

    static VideoDescription video() {
        return VideoDescription.builder().name(VIDEO).width(WIDTH).height(HEIGHT)
                .codecSettings(VideoCodecSettings.builder().frameCaptureSettings(FrameCaptureSettings.builder()
                        .captureInterval(INTERVAL_SECONDS).captureIntervalUnits(FrameCaptureIntervalUnit.SECONDS)
                        .build()).build())
                .build();
    }

    static OutputGroup group() {
        return OutputGroup.builder().name(DESTINATION)
                .outputGroupSettings(OutputGroupSettings.builder().frameCaptureGroupSettings(FrameCaptureGroupSettings
                        .builder().destination(OutputLocationRef.builder().destinationRefId(DESTINATION).build())
                        .build()).build())
                .outputs(Output.builder().outputName(DESTINATION).videoDescriptionName(VIDEO)
                        .outputSettings(OutputSettings.builder()
                                .frameCaptureOutputSettings(FrameCaptureOutputSettings.builder().build()).build())
                        .build())
                .build();
    }

    /** {@code s3ssl://{bucket}/thumbnails/{org}/live}: MediaLive appends {@code .00001.jpg}, {@code .00002.jpg}, … */
    static OutputDestination destination(String bucket, String organizationId) {
        return OutputDestination.builder().id(DESTINATION)
                .settings(OutputDestinationSettings.builder()
                        .url("s3ssl://" + bucket + "/thumbnails/" + organizationId + "/live").build())
                .build();
    }
}
