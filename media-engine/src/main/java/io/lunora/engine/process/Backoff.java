package io.lunora.engine.process;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th retry waits {@code initial * 2^n}, capped, then spread
 * by +-25% (never past the cap) so that destinations failing together do not retry in lockstep.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;
    private int attempts;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** 1 s doubling up to 30 s: the schedule of pushers and encoders. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), RandomGenerator.getDefault());
    }

    public synchronized Duration next() {
        long base = initial.toMillis() << Math.min(attempts, 20);
        long capped = Math.min(base, max.toMillis());
        attempts++;
        long jittered = Math.round(capped * (0.75 + 0.5 * random.nextDouble()));
        return Duration.ofMillis(Math.min(jittered, max.toMillis()));
    }

    public synchronized void reset() {
        attempts = 0;
    }

    public synchronized int attempts() {
        return attempts;
    }
}
