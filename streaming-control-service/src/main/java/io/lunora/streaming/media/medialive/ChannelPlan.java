package io.lunora.streaming.media.medialive;

import io.lunora.model.media.PublishTarget;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.model.preset.EncodingPreset.AudioSettings;
import io.lunora.model.preset.EncodingPreset.VideoSettings;
import io.lunora.streaming.media.OutputSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.medialive.model.AacCodingMode;
import software.amazon.awssdk.services.medialive.model.AacProfile;
import software.amazon.awssdk.services.medialive.model.AacRateControlMode;
import software.amazon.awssdk.services.medialive.model.AacSettings;
import software.amazon.awssdk.services.medialive.model.ArchiveContainerSettings;
import software.amazon.awssdk.services.medialive.model.ArchiveGroupSettings;
import software.amazon.awssdk.services.medialive.model.ArchiveOutputSettings;
import software.amazon.awssdk.services.medialive.model.AudioCodecSettings;
import software.amazon.awssdk.services.medialive.model.AudioDescription;
import software.amazon.awssdk.services.medialive.model.EncoderSettings;
import software.amazon.awssdk.services.medialive.model.H264FramerateControl;
import software.amazon.awssdk.services.medialive.model.H264GopSizeUnits;
import software.amazon.awssdk.services.medialive.model.H264Profile;
import software.amazon.awssdk.services.medialive.model.H264RateControlMode;
import software.amazon.awssdk.services.medialive.model.H264ScanType;
import software.amazon.awssdk.services.medialive.model.H264Settings;
import software.amazon.awssdk.services.medialive.model.InputLossActionForUdpOut;
import software.amazon.awssdk.services.medialive.model.M2tsSettings;
import software.amazon.awssdk.services.medialive.model.MediaPackageGroupSettings;
import software.amazon.awssdk.services.medialive.model.MediaPackageOutputDestinationSettings;
import software.amazon.awssdk.services.medialive.model.MediaPackageOutputSettings;
import software.amazon.awssdk.services.medialive.model.Output;
import software.amazon.awssdk.services.medialive.model.OutputDestination;
import software.amazon.awssdk.services.medialive.model.OutputDestinationSettings;
import software.amazon.awssdk.services.medialive.model.OutputGroup;
import software.amazon.awssdk.services.medialive.model.OutputGroupSettings;
import software.amazon.awssdk.services.medialive.model.OutputLocationRef;
import software.amazon.awssdk.services.medialive.model.OutputSettings;
import software.amazon.awssdk.services.medialive.model.RtmpCacheFullBehavior;
import software.amazon.awssdk.services.medialive.model.RtmpGroupSettings;
import software.amazon.awssdk.services.medialive.model.RtmpOutputCertificateMode;
import software.amazon.awssdk.services.medialive.model.RtmpOutputSettings;
import software.amazon.awssdk.services.medialive.model.SrtEncryptionType;
import software.amazon.awssdk.services.medialive.model.SrtGroupSettings;
import software.amazon.awssdk.services.medialive.model.SrtOutputDestinationSettings;
import software.amazon.awssdk.services.medialive.model.SrtOutputSettings;
import software.amazon.awssdk.services.medialive.model.ThumbnailConfiguration;
import software.amazon.awssdk.services.medialive.model.ThumbnailState;
import software.amazon.awssdk.services.medialive.model.TimecodeConfig;
import software.amazon.awssdk.services.medialive.model.TimecodeConfigSource;
import software.amazon.awssdk.services.medialive.model.UdpContainerSettings;
import software.amazon.awssdk.services.medialive.model.VideoCodecSettings;
import software.amazon.awssdk.services.medialive.model.VideoDescription;

/**
 * A channel's encoder settings and destinations from its wanted outputs: one video description per
 * distinct preset, shared by every output that uses it (MediaLive encodes it once); one audio
 * description per output (MediaLive lets an audio description serve one output only); one RTMP
 * output group per destination, so a destination that fails to connect holds up no other; an HLS
 * output group to MediaPackage whose ladder is the distinct presets (no extra encodes); and, when
 * recording, an archive output group to S3; and the live thumbnails ({@link ThumbnailCapture}).
 *
 * <p>With a relay ({@link RelayRoute}) there is no RTMP output: one SRT output group per carried
 * preset sends that rendition to the relay, which pushes it to each destination, so stream keys
 * never reach MediaLive.
 */
record ChannelPlan(EncoderSettings encoderSettings, List<OutputDestination> destinations) {

    static final String MEDIAPACKAGE_DESTINATION = "mediapackage";
    static final String ARCHIVE_DESTINATION = "archive";

    /** Used as the HLS ladder when no destination is live yet, so viewers have a stream. */
    static final VideoSettings DEFAULT_HLS_VIDEO = new VideoSettings("1280x720", 30, 3000, "h264", "main", 2, 2);
    static final AudioSettings DEFAULT_HLS_AUDIO = new AudioSettings("aac", 128, 48000, "stereo");

    static ChannelPlan of(String organizationId, String sessionId, boolean recording, Collection<OutputSpec> outputs,
            MediaLiveSettings settings) {
        return of(organizationId, sessionId, recording, outputs, null, settings);
    }

    /** The plan with the relay's renditions besides the outputs' own; {@code relay} null: no relay. */
    static ChannelPlan of(String organizationId, String sessionId, boolean recording, Collection<OutputSpec> outputs,
            RelayRoute relay, MediaLiveSettings settings) {
        Map<String, EncodingPreset> presets = new LinkedHashMap<>();
        outputs.stream().sorted(Comparator.comparing(OutputSpec::destinationId))
                .forEach(o -> presets.putIfAbsent(o.preset().presetId(), o.preset()));
        if (relay != null) {
            relay.renditions().forEach(r -> presets.putIfAbsent(r.preset().presetId(), r.preset()));
        }
        List<VideoDescription> videos = new ArrayList<>();
        List<AudioDescription> audios = new ArrayList<>();
        List<OutputGroup> groups = new ArrayList<>();
        List<OutputDestination> destinations = new ArrayList<>();
        presets.values().forEach(p -> videos.add(video(videoName(p.presetId()), p.video(), p.advanced())));

        for (OutputSpec output : outputs.stream().sorted(Comparator.comparing(OutputSpec::destinationId)).toList()) {
            String id = "dest-" + output.destinationId();
            String audio = "audio-" + id;
            audios.add(audio(audio, output.preset().audio()));
            groups.add(OutputGroup.builder().name(id)
                    .outputGroupSettings(OutputGroupSettings.builder().rtmpGroupSettings(RtmpGroupSettings.builder()
                            .cacheFullBehavior(RtmpCacheFullBehavior.WAIT_FOR_SERVER).restartDelay(15).build()).build())
                    .outputs(Output.builder().outputName(id)
                            .videoDescriptionName(videoName(output.preset().presetId()))
                            .audioDescriptionNames(audio)
                            .outputSettings(OutputSettings.builder().rtmpOutputSettings(RtmpOutputSettings.builder()
                                    .destination(OutputLocationRef.builder().destinationRefId(id).build())
                                    .certificateMode(RtmpOutputCertificateMode.VERIFY_AUTHENTICITY)
                                    .connectionRetryInterval(2).numRetries(10).build()).build())
                            .build())
                    .build());
            destinations.add(rtmpDestination(id, output.target()));
        }

        if (relay != null) {
            relay.renditions().forEach(r -> srtToRelay(r, relay, audios, groups, destinations));
        }

        // HLS ladder: the distinct presets, or the default rendition before any destination runs
        List<String> ladder = new ArrayList<>(presets.keySet().stream().map(ChannelPlan::videoName).toList());
        if (ladder.isEmpty()) {
            videos.add(video("video-hls-default", DEFAULT_HLS_VIDEO, null));
            ladder.add("video-hls-default");
        }
        List<Output> hlsOutputs = new ArrayList<>();
        for (String video : ladder) {
            String audio = "audio-hls-" + video;
            audios.add(audio(audio, presets.isEmpty() ? DEFAULT_HLS_AUDIO
                    : presets.get(video.substring("video-".length())).audio()));
            hlsOutputs.add(Output.builder().outputName("hls-" + video).videoDescriptionName(video)
                    .audioDescriptionNames(audio)
                    .outputSettings(OutputSettings.builder()
                            .mediaPackageOutputSettings(MediaPackageOutputSettings.builder().build()).build())
                    .build());
        }
        groups.add(OutputGroup.builder().name("hls")
                .outputGroupSettings(OutputGroupSettings.builder().mediaPackageGroupSettings(MediaPackageGroupSettings
                        .builder().destination(OutputLocationRef.builder().destinationRefId(MEDIAPACKAGE_DESTINATION)
                                .build()).build()).build())
                .outputs(hlsOutputs).build());
        destinations.add(OutputDestination.builder().id(MEDIAPACKAGE_DESTINATION)
                .mediaPackageSettings(MediaPackageOutputDestinationSettings.builder()
                        .channelId(settings.packagingChannelId()).build()).build());

        if (recording) {
            // the top of the ladder is the recording's rendition
            String video = ladder.get(0);
            String audio = "audio-archive";
            audios.add(audio(audio, presets.isEmpty() ? DEFAULT_HLS_AUDIO
                    : presets.values().iterator().next().audio()));
            groups.add(OutputGroup.builder().name(ARCHIVE_DESTINATION)
                    .outputGroupSettings(OutputGroupSettings.builder().archiveGroupSettings(ArchiveGroupSettings.builder()
                            .destination(OutputLocationRef.builder().destinationRefId(ARCHIVE_DESTINATION).build())
                            .rolloverInterval(300).build()).build())
                    .outputs(Output.builder().outputName(ARCHIVE_DESTINATION).videoDescriptionName(video)
                            .audioDescriptionNames(audio)
                            .outputSettings(OutputSettings.builder().archiveOutputSettings(ArchiveOutputSettings.builder()
                                    .extension("ts")
                                    .containerSettings(ArchiveContainerSettings.builder()
                                            .m2tsSettings(M2tsSettings.builder().build()).build())
                                    .build()).build())
                            .build())
                    .build());
            destinations.add(OutputDestination.builder().id(ARCHIVE_DESTINATION)
                    .settings(OutputDestinationSettings.builder().url("s3ssl://" + settings.recordingBucket()
                            + "/recordings/" + organizationId + "/" + sessionId + "/archive").build())
                    .build());
        }

        videos.add(ThumbnailCapture.video());
        groups.add(ThumbnailCapture.group());
        destinations.add(ThumbnailCapture.destination(settings.recordingBucket(), organizationId));

        EncoderSettings encoder = EncoderSettings.builder()
                .timecodeConfig(TimecodeConfig.builder().source(TimecodeConfigSource.SYSTEMCLOCK).build())
                // the active input's picture for the operator's preview (DescribeThumbnails, InputPreviews)
                .thumbnailConfiguration(ThumbnailConfiguration.builder().state(ThumbnailState.AUTO).build())
                .videoDescriptions(videos).audioDescriptions(audios).outputGroups(groups).build();
        return new ChannelPlan(encoder, destinations);
    }

    static String videoName(String presetId) {
        return "video-" + presetId;
    }

    /** The destination's ingest URL and stream key, as MediaLive wants them apart. */
    private static OutputDestination rtmpDestination(String id, PublishTarget target) {
        return OutputDestination.builder().id(id)
                .settings(OutputDestinationSettings.builder().url(target.urlWithoutSlash())
                        .streamName(target.streamKey()).build())
                .build();
    }

    /**
     * One rendition to the relay: an SRT output group of its own (caller to the relay's load
     * balancer, MPEG-TS, AES-256 with the session's passphrase), its preset's video description and
     * an audio description of its own. On input loss MediaLive keeps emitting its slate, so the
     * relay's pushers never starve, as with the local engine's slate.
     */
    private static void srtToRelay(RelayRoute.Rendition rendition, RelayRoute relay, List<AudioDescription> audios,
            List<OutputGroup> groups, List<OutputDestination> destinations) {
        String presetId = rendition.preset().presetId();
        String id = "relay-" + presetId;
        String audio = "audio-" + id;
        audios.add(audio(audio, rendition.preset().audio()));
        groups.add(OutputGroup.builder().name(id)
                .outputGroupSettings(OutputGroupSettings.builder().srtGroupSettings(SrtGroupSettings.builder()
                        .inputLossAction(InputLossActionForUdpOut.EMIT_PROGRAM).build()).build())
                .outputs(Output.builder().outputName(id).videoDescriptionName(videoName(presetId))
                        .audioDescriptionNames(audio)
                        .outputSettings(OutputSettings.builder().srtOutputSettings(SrtOutputSettings.builder()
                                .destination(OutputLocationRef.builder().destinationRefId(id).build())
                                .containerSettings(UdpContainerSettings.builder()
                                        .m2tsSettings(M2tsSettings.builder().build()).build())
                                .encryptionType(SrtEncryptionType.AES256).latency(relay.latencyMs()).build()).build())
                        .build())
                .build());
        destinations.add(OutputDestination.builder().id(id)
                .srtSettings(SrtOutputDestinationSettings.builder()
                        .url("srt://" + relay.host() + ":" + rendition.port())
                        .encryptionPassphraseSecretArn(relay.passphraseSecretArn()).streamId(presetId).build())
                .build());
    }

    private static VideoDescription video(String name, VideoSettings v, EncodingPreset.AdvancedSettings advanced) {
        if (!"h264".equals(v.codec())) {
            // MediaLive's RTMP outputs carry H.264; an H.265 preset is refused rather than silently changed
            throw new IllegalArgumentException("preset codec " + v.codec() + " is not supported on MediaLive RTMP outputs");
        }
        int fps = v.frameRate();
        int gop = advanced != null && advanced.gopSizeFrames() != null ? advanced.gopSizeFrames()
                : fps * v.keyframeIntervalSeconds();
        int bitrate = v.bitrateKbps() * 1000;
        int buffer = (advanced != null && advanced.bufferSizeKbps() != null ? advanced.bufferSizeKbps()
                : v.bitrateKbps() * 2) * 1000;
        boolean vbr = advanced != null && "vbr".equals(advanced.rateControl());
        H264Settings.Builder h264 = H264Settings.builder()
                .profile(H264Profile.fromValue(v.profile().toUpperCase(Locale.ROOT)))
                .rateControlMode(vbr ? H264RateControlMode.VBR : H264RateControlMode.CBR)
                .bitrate(bitrate).bufSize(buffer)
                .framerateControl(H264FramerateControl.SPECIFIED).framerateNumerator(fps).framerateDenominator(1)
                .gopSize((double) gop).gopSizeUnits(H264GopSizeUnits.FRAMES)
                .gopNumBFrames(v.bFrames() == null ? 0 : v.bFrames())
                .scanType(H264ScanType.PROGRESSIVE);
        if (vbr) {
            // peak rate: what the VBV buffer drains in half a second, never below the average
            h264.maxBitrate(Math.max(bitrate, buffer / 2));
        }
        return VideoDescription.builder().name(name).width(v.width()).height(v.height())
                .codecSettings(VideoCodecSettings.builder().h264Settings(h264.build()).build()).build();
    }

    private static AudioDescription audio(String name, AudioSettings a) {
        boolean mono = "mono".equals(a.channels());
        AudioCodecSettings codec = switch (a.codec()) {
            case "aac" -> AudioCodecSettings.builder().aacSettings(AacSettings.builder()
                    .bitrate(a.bitrateKbps() * 1000.0).sampleRate(a.sampleRateHz().doubleValue())
                    .codingMode(mono ? AacCodingMode.CODING_MODE_1_0 : AacCodingMode.CODING_MODE_2_0)
                    .profile(AacProfile.LC).rateControlMode(AacRateControlMode.CBR).build()).build();
            // MediaLive encodes no MP3; refused rather than silently changed
            default -> throw new IllegalArgumentException("audio codec " + a.codec() + " is not supported on MediaLive");
        };
        return AudioDescription.builder().name(name).codecSettings(codec).build();
    }
}
