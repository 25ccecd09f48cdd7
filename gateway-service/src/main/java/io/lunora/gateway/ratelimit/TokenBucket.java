package io.lunora.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code perSecond}; each request
 * takes one. Time is passed in (nanoseconds) so that tests need no clock.
 */
final class TokenBucket {
    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst, long now) {
        this.capacity = burst;
        this.tokensPerNano = perSecond / 1_000_000_000d;
        this.tokens = burst;
        this.last = now;
    }

    /** Without taking one: 0 when a token is there, else the nanoseconds until one is. */
    synchronized long waitFor(long now) {
        double available = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        return available >= 1 ? 0 : (long) Math.ceil((1 - available) / tokensPerNano);
    }

    /** Takes a token; returns 0 when granted, else the nanoseconds until one is available. */
    synchronized long tryTake(long now) {
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / tokensPerNano);
    }
}
