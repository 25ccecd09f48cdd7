package io.lunora.engine.rendition;

/**
 * The x264 speed step this machine's encoders needed lately, and until when that still counts:
 * the engine's one memory of saturation, shared by every rendition encoder of every organization.
 * A rendition that starts (a destination added while others are live, an encoder restarted) on a
 * machine whose encoders had to go to the fastest step starts at that step itself, instead of
 * losing another {@link SpeedSteps#WINDOW} of lag at the usual one before it gets there. Fed by
 * every {@link SpeedSteps} change (and by an encoder still behind at the fastest step, which needs
 * it still); forgotten after {@link SpeedSteps#CALM} without such news, the calm after which an
 * encoder itself tries one step back. Steps are comparable across presets: every x264 preset has
 * the same ladder ({@link RenditionPreset#X264_SPEEDS}). Called from the encoders' run loops: its
 * few fields are guarded by its own lock, which covers no I/O.
 */
public final class RecentSaturation {
    private int step;
    private long until;

    /** An encoder needs {@code needed} from {@code nowNanos} on (a change of its step, or still behind at it). */
    synchronized void needed(int needed, long nowNanos) {
        if (needed >= stepAt(nowNanos)) {
            step = needed;
            until = nowNanos + SpeedSteps.CALM.toNanos();
        }
    }

    /** The step a new encoder whose fastest step is {@code fastest} should start at. */
    synchronized int startStep(int fastest, long nowNanos) {
        return Math.min(fastest, stepAt(nowNanos));
    }

    private int stepAt(long nowNanos) {
        return nowNanos - until < 0 ? step : 0;
    }
}
