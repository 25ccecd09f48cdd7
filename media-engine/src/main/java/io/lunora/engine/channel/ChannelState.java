package io.lunora.engine.channel;

import io.lunora.engine.output.Pusher;
import io.lunora.engine.process.Progress;
import io.lunora.engine.rendition.EncoderStatus;
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
 */
public record ChannelState(boolean running, String kind, String activeInput, String onAir, List<InputStatus> inputs,
        List<Output> outputs, List<EncoderStatus> encoders) {
    /** A channel makes its program from SRT sources and encodes a rendition per preset. */
    public static final String CHANNEL = "channel";
    /** A relay receives renditions encoded elsewhere (MediaLive) and only pushes copies of them. */
    public static final String RELAY = "relay";
    /** A channel's inputs run before any session (health, preview); nothing is encoded or pushed. */
    public static final String STANDBY = "standby";

    public static ChannelState stopped() {
        return new ChannelState(false, null, null, null, List.of(), List.of(), List.of());
    }

    /**
     * @param lastError      already redacted
     * @param speed          the push's media time per wall time (1.0 keeps real time)
     * @param lagMs          how far behind real time the output is fed: what waited for its encoder plus
     *                       what waited for the push
     * @param droppedFrames  frames its encoder dropped because they came too late (FFmpeg's count)
     * @param droppedPackets what was skipped, at its encoder and its push, to keep it at the live edge
     * @param degraded       its encoder runs a faster preset than usual because it could not keep real time
     */
    public record Output(String destinationId, String state, String rendition, int bitrateKbps, long bytesSent,
            String lastError, int attempts, double speed, long lagMs, long droppedFrames, long droppedPackets,
            boolean degraded) {

        /** A pusher's state and counters as the status API shows them; {@code encoder} null when it copies. */
        public static Output of(Pusher pusher, EncoderStatus encoder) {
            OutputStatus status = pusher.status();
            Progress progress = pusher.progress();
            EncoderStatus feed = pusher.feedStatus();
            EncoderStatus upstream = encoder == null ? EncoderStatus.idle("none") : encoder;
            return new Output(status.destinationId(), wire(status.state()), status.rendition(),
                    (int) Math.round(progress.bitrateKbps()), progress.totalSizeBytes(), status.lastError(),
                    status.attempts(), feed.speed(), feed.lagMs() + upstream.lagMs(), upstream.droppedFrames(),
                    feed.droppedPackets() + upstream.droppedPackets(), upstream.degraded());
        }
    }

    /** An output state's name on the wire ({@code live}, {@code retrying} …). */
    public static String wire(OutputState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
