package io.lunora.engine.rendition;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When an encoder that keeps falling behind real time should do less work, and when it may try
 * its full work again. Its feeding pipe skipping to the live edge twice within {@link #WINDOW}
 * means the encoder is slower than real time, not merely hit by a moment's load: straight to the
 * fastest step (x264 {@code ultrafast}), since every intermediate step that is still too slow costs
 * another window of lag at the receivers (measured: one step at a time took ~15 s and up to 9.6 s
 * of lag). After {@link #CALM} without a skip it goes one step back; a step that has to be left
 * again doubles the calm it waits next time, so a machine that stays busy does not make it flap.
 * Judged only past {@link #SETTLE} after each change (the new encoder's start).
 *
 * <p>It starts at the step the machine needed lately ({@link RecentSaturation}), which every
 * change feeds. Skips that keep coming at the fastest step mean that even the least work is too
 * much for this machine: {@link #observe} says so once per two skips within the window ({@link
 * #behindAtFastest()}), for the owner to shed work. Owned by its encoder's run loop: no lock.
 */
final class SpeedSteps {
    static final Duration WINDOW = Duration.ofSeconds(15);
    static final Duration SETTLE = Duration.ofSeconds(4);
    static final Duration CALM = Duration.ofMinutes(2);
    private static final int SKIPS_TO_STEP_UP = 2;

    private final int fastest;
    private final RecentSaturation machine;
    private final Deque<Long> skips = new ArrayDeque<>();
    private int step;
    private long changedAt;
    private long lastSkipAt;
    private long calmNanos = CALM.toNanos();
    private boolean restored;
    private boolean behindAtFastest;

    /**
     * @param fastest the highest step there is (0: nothing to lower, e.g. a copy)
     * @param machine what this machine's encoders needed lately: where this one starts, and what it tells
     */
    SpeedSteps(int fastest, long nowNanos, RecentSaturation machine) {
        this.fastest = fastest;
        this.machine = machine;
        this.changedAt = nowNanos;
        this.lastSkipAt = nowNanos;
        this.step = machine.startStep(fastest, nowNanos);
    }

    /** The step wanted now, given the feeding pipe's skips since the last call. */
    int observe(long nowNanos, long newSkips) {
        behindAtFastest = false;
        if (nowNanos - changedAt < SETTLE.toNanos()) {
            return step;
        }
        for (long i = 0; i < newSkips; i++) {
            skips.addLast(nowNanos);
            lastSkipAt = nowNanos;
        }
        while (!skips.isEmpty() && nowNanos - skips.peekFirst() > WINDOW.toNanos()) {
            skips.removeFirst();
        }
        if (skips.size() >= SKIPS_TO_STEP_UP && step < fastest) {
            if (restored) {
                calmNanos *= 2;
            }
            change(fastest, nowNanos, false);
        } else if (skips.size() >= SKIPS_TO_STEP_UP && fastest > 0) {
            behindAtFastest = true; // nothing faster to go to: the machine needs this step still
            skips.clear();
            machine.needed(fastest, nowNanos);
        } else if (step > 0 && nowNanos - Math.max(lastSkipAt, changedAt) > calmNanos) {
            change(step - 1, nowNanos, true);
        }
        return step;
    }

    private void change(int next, long nowNanos, boolean back) {
        step = next;
        changedAt = nowNanos;
        restored = back;
        skips.clear();
        machine.needed(next, nowNanos);
    }

    int step() {
        return step;
    }

    /** The latest {@link #observe} found the encoder behind real time again at the fastest step. */
    boolean behindAtFastest() {
        return behindAtFastest;
    }
}
