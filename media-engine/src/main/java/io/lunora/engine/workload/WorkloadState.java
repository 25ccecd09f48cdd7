package io.lunora.engine.workload;

import io.lunora.engine.output.Pusher;
import io.lunora.engine.process.Progress;
import io.lunora.engine.rendition.EncoderStatus;
import io.lunora.model.media.EngineStatus;
import io.lunora.model.media.InputStatus;
import io.lunora.model.media.OutputState;
import io.lunora.model.media.OutputStatus;
import java.util.List;
import java.util.Locale;

/**
 * A channel's live state.
 *
 * @param activeInput the input the program carries when it has a signal ({@code primary}/{@code secondary})
 * @param onAir       what is on air now: an input, {@code slate}, or null before the first picture
 * @param running     a session runs (a channel) or a relay does; false on {@link #STANDBY}
 * @param kind        {@link #CHANNEL}, {@link #RELAY}, {@link #STANDBY}, or null when nothing runs
 * @param encoders    how each encoder (renditions, HLS) keeps up with real time
 * @param paused      the operator put the slate on air for every output ("Pause all")
 * @param recording   the session's recording while it is written; null when nothing is recorded
 */
public record WorkloadState(boolean running, String kind, String activeInput, String onAir, List<InputStatus> inputs,
        List<EngineStatus.Output> outputs, List<EncoderStatus> encoders, boolean paused,
        EngineStatus.Recording recording) {

    /** A state without a recording (a relay, standby). */
    public WorkloadState(boolean running, String kind, String activeInput, String onAir, List<InputStatus> inputs,
            List<EngineStatus.Output> outputs, List<EncoderStatus> encoders, boolean paused) {
        this(running, kind, activeInput, onAir, inputs, outputs, encoders, paused, null);
    }

    /** A channel makes its program from SRT sources and encodes a rendition per preset. */
    public static final String CHANNEL = "channel";
    /** A relay receives renditions encoded elsewhere (MediaLive) and only pushes copies of them. */
    public static final String RELAY = "relay";
    /** A channel's inputs run before any session (health, preview); nothing is encoded or pushed. */
    public static final String STANDBY = "standby";

    public static WorkloadState stopped() {
        return new WorkloadState(false, null, null, null, List.of(), List.of(), List.of(), false);
    }

    /** A pusher's state and counters as the status API shows them; {@code encoder} null when it copies. */
    public static EngineStatus.Output output(Pusher pusher, EncoderStatus encoder) {
        OutputStatus status = pusher.status();
        Progress progress = pusher.progress();
        EncoderStatus feed = pusher.feedStatus();
        EncoderStatus upstream = encoder == null ? EncoderStatus.idle("none") : encoder;
        return new EngineStatus.Output(status.destinationId(), wire(status.state()), status.rendition(),
                (int) Math.round(progress.bitrateKbps()), progress.totalSizeBytes(), status.lastError(),
                status.attempts(), feed.speed(), feed.lagMs() + upstream.lagMs(), upstream.droppedFrames(),
                feed.droppedPackets() + upstream.droppedPackets(), upstream.degraded());
    }

    /** The answer of the status API: an input's {@code input} and {@code name} are its id. */
    public EngineStatus answer() {
        return new EngineStatus(running, kind, activeInput, onAir, inputs.stream()
                .map(i -> new EngineStatus.Input(i.inputId(), i.inputId(), i.connected(), i.bitrateKbps(),
                        i.lastPacketAgeMs() == null ? -1 : i.lastPacketAgeMs(), i.continuityErrors(),
                        i.uptimeSeconds(), i.media()))
                .toList(), outputs, encoders.stream().map(e -> new EngineStatus.Encoder(e.name(), e.speed(), e.lagMs(),
                        e.droppedFrames(), e.droppedPackets(), e.skips(), e.x264Preset(), e.degraded())).toList(), paused,
                recording);
    }

    /** An output state's name on the wire ({@code live}, {@code retrying} …). */
    public static String wire(OutputState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
