package io.lunora.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lunora.gateway.problem.Problems;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Floods of anonymous or invalid-token requests: the security chain answers them 401 before the
 * per-caller limits ({@link RateLimitFilter}) see them. This filter runs before the chain, counts
 * each 401 against the client address (a token bucket, as the other limits), and once the address
 * has spent its budget answers its requests 429 problem+json with {@code Retry-After} without
 * decoding any token, until the bucket refills.
 */
public final class RefusedRequestThrottle implements WebFilter, Ordered {
    private final Cache<InetAddress, TokenBucket> buckets;
    private final RateLimitProperties.Refused budget;
    private final LongSupplier nanoTime;

    public RefusedRequestThrottle(RateLimitProperties properties, LongSupplier nanoTime) {
        this.budget = properties.refused();
        this.nanoTime = nanoTime;
        double slowest = Math.min(budget.perSecond(), budget.loopbackPerSecond());
        int largest = Math.max(budget.burst(), budget.loopbackBurst());
        this.buckets = Caffeine.newBuilder()
                .ticker(nanoTime::getAsLong)
                .executor(Runnable::run)
                // untouched this long, a bucket is full again: forgetting it changes nothing
                .expireAfterAccess(Duration.ofNanos((long) Math.ceil(largest / slowest * 1e9)))
                .maximumSize(properties.maxKeysPerGroup())
                .build();
    }

    @Override
    public int getOrder() {
        return -200; // before Spring Security's chain (-100)
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return chain.filter(exchange);
        }
        InetAddress address = remote.getAddress();
        TokenBucket bucket = buckets.getIfPresent(address);
        long wait = bucket == null ? 0 : bucket.waitFor(nanoTime.getAsLong());
        if (wait > 0) {
            return tooMany(exchange, wait);
        }
        exchange.getResponse().beforeCommit(() -> {
            if (HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
                long now = nanoTime.getAsLong();
                buckets.get(address, a -> a.isLoopbackAddress()
                        ? new TokenBucket(budget.loopbackPerSecond(), budget.loopbackBurst(), now)
                        : new TokenBucket(budget.perSecond(), budget.burst(), now)).tryTake(now);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, long waitNanos) {
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests without a valid access token; retry after " + seconds + " s.");
    }
}
