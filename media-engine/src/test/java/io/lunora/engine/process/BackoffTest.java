package io.lunora.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void shouldDoubleFromOneSecondUpToThirtyWithJitter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(7));
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(backoff.next().toMillis());
        }

        long[] bases = {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
        for (int i = 0; i < bases.length; i++) {
            assertThat(delays.get(i)).isBetween(bases[i] * 3 / 4, Math.min(bases[i] * 5 / 4, 30000));
        }
        assertThat(delays.stream().distinct()).hasSizeGreaterThan(5);
    }

    @Test
    void shouldStartOverAfterReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new Random(1));
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofMillis(1250));
        assertThat(backoff.attempts()).isEqualTo(1);
    }
}
