package io.lunora.streaming.media;

import io.lunora.model.media.InputMedia;
import java.util.List;

/**
 * A channel's live state as the backend sees it.
 *
 * @param error    what the operator should fix while the channel runs on (on MediaLive: playback not
 *                 packaged where the catalog sends viewers); null when nothing
 * @param onAir    what the program carries now: an input, {@code slate}, or null (not known, or no
 *                 picture yet); the local engine reports it, MediaLive does not
 * @param encoders how each encoder keeps up with real time (local engine); empty when not known
 * @param paused   the operator put the slate on air for every output ("Pause all")
 * @param recording the session's recording while it is written, with its size so far; null when the
 *                  program is not recorded or the backend does not measure it (MediaLive archives to S3)
 */
public record ChannelStatus(boolean running, String activeInput, List<InputHealth> inputs, List<OutputStatus> outputs,
        String error, String onAir, List<EncoderStatus> encoders, boolean paused, RecordingStatus recording) {

    public ChannelStatus {
        inputs = inputs == null ? List.of() : inputs;
        outputs = outputs == null ? List.of() : outputs;
        encoders = encoders == null ? List.of() : encoders;
    }

    /** A backend that knows nothing of what is on air or of its encoders' speed (MediaLive). */
    public ChannelStatus(boolean running, String activeInput, List<InputHealth> inputs, List<OutputStatus> outputs,
            String error) {
        this(running, activeInput, inputs, outputs, error, null, List.of(), false, null);
    }

    /** @param bytes written so far */
    public record RecordingStatus(String sessionId, long bytes) {
    }

    public static ChannelStatus stopped() {
        return new ChannelStatus(false, null, List.of(), List.of(), null);
    }

    /** @param media what the input's stream carries; null when the backend does not read it (MediaLive) or not yet */
    public record InputHealth(String input, boolean connected, int bitrateKbps, long lastPacketAgeMs,
            long continuityErrors, long uptimeSeconds, InputMedia media) {

        public InputHealth(String input, boolean connected, int bitrateKbps, long lastPacketAgeMs,
                long continuityErrors, long uptimeSeconds) {
            this(input, connected, bitrateKbps, lastPacketAgeMs, continuityErrors, uptimeSeconds, null);
        }
    }

    /**
     * @param state          {@code stopped}, {@code connecting}, {@code live}, {@code retrying} or {@code failed}
     * @param speed          media time per wall time of its push (1.0 keeps real time; 0 when not known)
     * @param lagMs          how far behind the program the output is fed
     * @param droppedFrames  frames its encoder dropped as too late
     * @param droppedPackets what was skipped to keep it at the live edge
     * @param degraded       its encoder runs a faster, lower-quality preset to keep real time
     */
    public record OutputStatus(String destinationId, String state, int bitrateKbps, long bytesSent, String lastError,
            double speed, long lagMs, long droppedFrames, long droppedPackets, boolean degraded) {

        /** A backend that does not measure speed, lag or drops (MediaLive). */
        public OutputStatus(String destinationId, String state, int bitrateKbps, long bytesSent, String lastError) {
            this(destinationId, state, bitrateKbps, bytesSent, lastError, 0.0, 0L, 0L, 0L, false);
        }
    }

    /**
     * One encoder (a rendition, the HLS ladder): its speed against real time, lag and drops.
     *
     * @param x264Preset the x264 preset it runs with now; null when that does not apply
     * @param degraded   it runs a faster preset than usual because it could not keep real time
     */
    public record EncoderStatus(String name, double speed, long lagMs, long droppedFrames, long droppedPackets,
            long skips, String x264Preset, boolean degraded) {
    }
}
