package io.lunora.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * In-memory token buckets per group and caller. Memory stays bounded: a bucket untouched for as
 * long as it takes to refill completely is full, so forgetting it changes nothing; and each group
 * remembers at most {@code maxKeysPerGroup} callers.
 */
public final class RateLimiter {

    private record Limited(RateLimitProperties.Group group, List<PathPattern> patterns, Cache<String, TokenBucket> buckets) {
        boolean matches(HttpMethod method, PathContainer path) {
            return (group.methods().isEmpty() || group.methods().contains(method.name()))
                    && patterns.stream().anyMatch(p -> p.matches(path));
        }
    }

    private final List<Limited> groups;
    private final LongSupplier nanoTime;

    public RateLimiter(RateLimitProperties properties, LongSupplier nanoTime) {
        PathPatternParser parser = new PathPatternParser();
        this.nanoTime = nanoTime;
        this.groups = properties.groups().stream().map(g -> new Limited(g,
                g.paths().stream().map(parser::parse).toList(),
                Caffeine.newBuilder()
                        .ticker(nanoTime::getAsLong)
                        .executor(Runnable::run)
                        .expireAfterAccess(Duration.ofNanos((long) Math.ceil(g.burst() / g.perSecond() * 1e9)))
                        .maximumSize(properties.maxKeysPerGroup())
                        .<String, TokenBucket>build())).toList();
    }

    /** Counts one request of {@code caller}; empty when allowed, else how long to wait. */
    public Optional<Duration> take(HttpMethod method, PathContainer path, String caller) {
        return take(method, path, caller, caller);
    }

    /**
     * Counts one request of {@code caller} (the token's subject, else the address), or of
     * {@code address} in a group counted by address; empty when allowed, else how long to wait.
     */
    public Optional<Duration> take(HttpMethod method, PathContainer path, String caller, String address) {
        for (Limited limited : groups) {
            if (limited.matches(method, path)) {
                long now = nanoTime.getAsLong();
                TokenBucket bucket = limited.buckets().get(limited.group().byAddress() ? address : caller,
                        k -> new TokenBucket(limited.group().perSecond(), limited.group().burst(), now));
                long wait = bucket.tryTake(now);
                return wait == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
            }
        }
        return Optional.empty();
    }

    /** Callers currently remembered, over all groups. */
    long rememberedCallers() {
        return groups.stream().mapToLong(g -> {
            g.buckets().cleanUp();
            return g.buckets().estimatedSize();
        }).sum();
    }
}
