package io.lunora.support.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.lunora.testing.FreePorts;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A long-lived stream (the engine's events) reconnects by itself while its service starts; those
 * refused connects must not open the breaker of the service's ordinary calls. Seen in the stack:
 * the event stream's retried connects opened the engine's breaker, and a session start that came
 * while it was half-open was refused.
 */
class StreamClientTest {
    final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    final ServiceClients clients = new ServiceClients(request -> null, JsonMapper.builder().build(),
            new ServiceResilienceProperties(null, null), breakers, RetryRegistry.ofDefaults(), url -> "media-engine");
    final String down = "http://127.0.0.1:" + FreePorts.next();

    @Test
    void shouldLeaveTheServicesBreakerClosedWhileItsStreamIsRefused() {
        RestClient calls = clients.forService("media-engine", down);
        RestClient stream = clients.forStream(down, Duration.ofSeconds(1));

        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> stream.get().uri("/internal/engine/events").retrieve().toBodilessEntity())
                    .isInstanceOf(ResourceAccessException.class);
        }

        CircuitBreaker breaker = breakers.circuitBreaker("media-engine");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();

        // the ordinary calls do count: refused ones open it
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> calls.put().uri("/internal/engine/channels/org-1/inputs").retrieve()
                    .toBodilessEntity()).isInstanceOf(ResourceAccessException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
