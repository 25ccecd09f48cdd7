package io.lunora.model.media;

import java.util.List;

/**
 * The media engine's answer to {@code GET /internal/engine/channels/{org}}, for a channel or a
 * relay: written by the engine, read by streaming-control (one definition of the seam). snake_case
 * on the wire.
 *
 * @param running     a session (channel) or a relay runs; false on standby
 * @param kind        {@code channel}, {@code relay}, {@code standby}, or null when nothing runs
 * @param activeInput the input the program carries when it has a signal
 * @param onAir       what the program carries now: an input, {@code slate}, or null before the first picture
 * @param encoders    how each encoder (renditions, HLS) keeps up with real time
 * @param paused      the operator put the slate on air for every output ("Pause all"); an engine
 *                    from before the pause left it out: read as false
 * @param recording   the session's recording while it is written; null when the program is not recorded
 */
public record EngineStatus(boolean running, String kind, String activeInput, String onAir, List<Input> inputs,
        List<Output> outputs, List<Encoder> encoders, Boolean paused, Recording recording) {

    /** A status without a recording (a relay, standby, or a session that does not record). */
    public EngineStatus(boolean running, String kind, String activeInput, String onAir, List<Input> inputs,
            List<Output> outputs, List<Encoder> encoders, Boolean paused) {
        this(running, kind, activeInput, onAir, inputs, outputs, encoders, paused, null);
    }

    public EngineStatus {
        paused = Boolean.TRUE.equals(paused);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        encoders = encoders == null ? List.of() : List.copyOf(encoders);
    }

    public static EngineStatus stopped() {
        return new EngineStatus(false, null, null, null, List.of(), List.of(), List.of(), false);
    }

    /**
     * An input: {@code primary}/{@code secondary} on a channel, the rendition's preset id on a relay.
     *
     * @param lastPacketAgeMs -1 before the first packet
     * @param media           what the stream carries (codec, size, rate); null while not known
     */
    public record Input(String input, String name, boolean connected, long bitrateKbps, long lastPacketAgeMs,
            long continuityErrors, long uptimeSeconds, InputMedia media) {
    }

    /**
     * One destination's push.
     *
     * @param state          {@code stopped}, {@code connecting}, {@code live}, {@code retrying} or {@code failed}
     * @param lastError      already redacted: never holds a stream key
     * @param speed          the push's media time per wall time (1.0 keeps real time)
     * @param lagMs          how far behind real time the output is fed (its encoder's wait plus the push's)
     * @param droppedFrames  frames its encoder dropped because they came too late
     * @param droppedPackets what was skipped, at its encoder and its push, to keep it at the live edge
     * @param degraded       its encoder runs a faster preset than usual because it could not keep real time
     */
    public record Output(String destinationId, String state, String rendition, int bitrateKbps, long bytesSent,
            String lastError, int attempts, double speed, long lagMs, long droppedFrames, long droppedPackets,
            boolean degraded) {
    }

    /**
     * One encoder (a rendition, the HLS ladder).
     *
     * @param skips      how many times it fell behind and was brought back to the live edge
     * @param x264Preset the x264 preset it runs with now; null when that does not apply
     * @param degraded   it runs a faster preset than usual because it could not keep real time
     */
    public record Encoder(String name, double speed, long lagMs, long droppedFrames, long droppedPackets, long skips,
            String x264Preset, boolean degraded) {
    }

    /**
     * The program's recording as it is written.
     *
     * @param sessionId the session recorded: the recording's id
     * @param bytes     written so far, across its files
     */
    public record Recording(String sessionId, long bytes) {
    }
}
