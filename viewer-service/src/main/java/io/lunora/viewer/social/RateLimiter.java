package io.lunora.viewer.social;

import io.lunora.viewer.ViewerProperties;
import io.lunora.viewer.web.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At most N messages per viewer in any 60 s (a sliding log, so bursts cannot straddle a window
 * edge). Per instance: behind several instances the gateway's per-user limit is the shared bound.
 */
@Component
class RateLimiter {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Map<String, Deque<Instant>> sent = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    RateLimiter(ViewerProperties properties, Clock clock) {
        this.perMinute = properties.chatPerMinute();
        this.clock = clock;
    }

    /** Counts one message of {@code viewerId}, or throws when the viewer is over the limit (nothing counted). */
    void acquire(String viewerId) {
        Instant now = Instant.now(clock);
        Deque<Instant> log = sent.computeIfAbsent(viewerId, k -> new ArrayDeque<>());
        synchronized (log) {
            while (!log.isEmpty() && !log.peekFirst().isAfter(now.minus(WINDOW))) {
                log.pollFirst();
            }
            if (log.size() >= perMinute) {
                Duration retryAfter = Duration.between(now, log.peekFirst().plus(WINDOW));
                throw new TooManyRequestsException("You can post " + perMinute + " messages per minute. Wait "
                        + Math.max(1, retryAfter.toSeconds()) + " s.", retryAfter);
            }
            log.addLast(now);
        }
    }

    /** Forgets viewers who have not posted within the window, so the map does not grow without bound. */
    @Scheduled(fixedDelay = 300_000)
    void forgetQuiet() {
        Instant cutoff = Instant.now(clock).minus(WINDOW);
        sent.values().removeIf(log -> {
            synchronized (log) {
                return log.isEmpty() || !log.peekLast().isAfter(cutoff);
            }
        });
    }
}
