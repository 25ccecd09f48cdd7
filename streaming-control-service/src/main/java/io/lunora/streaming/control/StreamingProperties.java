package io.lunora.streaming.control;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param operatorMaxDuration the longest session an operator may run (admins have no limit)
 * @param historyLimit        sessions returned by the history endpoint at most
 */
@ConfigurationProperties(prefix = "lunora.streaming")
public record StreamingProperties(Duration operatorMaxDuration, int historyLimit) {
    public StreamingProperties {
        operatorMaxDuration = operatorMaxDuration == null ? Duration.ofHours(4) : operatorMaxDuration;
        historyLimit = historyLimit <= 0 ? 50 : historyLimit;
    }
}
