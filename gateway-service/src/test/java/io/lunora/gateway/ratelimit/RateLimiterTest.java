package io.lunora.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

class RateLimiterTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    RateLimiter limiter(int maxKeys) {
        return new RateLimiter(new RateLimitProperties(List.of(
                new RateLimitProperties.Group("sign-in", List.of("/login"), Set.of("post"), 1, 3, true),
                new RateLimitProperties.Group("api", List.of("/api/**"), null, 10, 5, false)), maxKeys, null), now::get);
    }

    boolean allowed(RateLimiter limiter, HttpMethod method, String path, String caller) {
        return limiter.take(method, PathContainer.parsePath(path), caller).isEmpty();
    }

    @Test
    void shouldAllowTheBurstThenRefuseWithTheTimeUntilTheNextToken() {
        RateLimiter limiter = limiter(100);
        IntStream.range(0, 5).forEach(i -> assertThat(allowed(limiter, HttpMethod.GET, "/api/x", "a")).isTrue());

        assertThat(limiter.take(HttpMethod.GET, PathContainer.parsePath("/api/x"), "a"))
                .hasValueSatisfying(wait -> assertThat(wait).isEqualTo(Duration.ofMillis(100)));
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(allowed(limiter, HttpMethod.GET, "/api/x", "a")).isTrue();
        assertThat(allowed(limiter, HttpMethod.GET, "/api/x", "a")).isFalse();
    }

    @Test
    void shouldCountCallersAndGroupsApart() {
        RateLimiter limiter = limiter(100);
        IntStream.range(0, 3).forEach(i -> allowed(limiter, HttpMethod.POST, "/login", "ip:1"));

        assertThat(allowed(limiter, HttpMethod.POST, "/login", "ip:1")).isFalse();
        assertThat(allowed(limiter, HttpMethod.POST, "/login", "ip:2")).isTrue();
        assertThat(allowed(limiter, HttpMethod.GET, "/api/x", "ip:1")).isTrue();
        assertThat(allowed(limiter, HttpMethod.GET, "/login", "ip:1")).as("no group for GET /login").isTrue();
    }

    @Test
    void shouldForgetCallersOnceTheirBucketIsFullAgain() {
        RateLimiter limiter = limiter(100);
        IntStream.range(0, 50).forEach(i -> allowed(limiter, HttpMethod.GET, "/api/x", "caller-" + i));
        assertThat(limiter.rememberedCallers()).isEqualTo(50);

        now.addAndGet(Duration.ofMillis(600).toNanos()); // 5 tokens at 10/s refill in 0.5 s

        assertThat(limiter.rememberedCallers()).isZero();
    }

    @Test
    void shouldRememberAtMostTheConfiguredNumberOfCallers() {
        RateLimiter limiter = limiter(10);
        IntStream.range(0, 1000).forEach(i -> allowed(limiter, HttpMethod.GET, "/api/x", "caller-" + i));

        assertThat(limiter.rememberedCallers()).isLessThanOrEqualTo(10);
    }

    @Test
    void shouldRefuseAGroupWithoutRate() {
        assertThatThrownBy(() -> new RateLimitProperties.Group("bad", List.of("/**"), null, 0, 5, false))
                .hasMessageContaining("per-second");
    }
}
