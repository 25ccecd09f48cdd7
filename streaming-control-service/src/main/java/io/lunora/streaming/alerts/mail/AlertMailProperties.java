package io.lunora.streaming.alerts.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lunora.alerts.mail}.
 *
 * @param transport        {@code smtp} (spring.mail.*: the local SMTP server by default) or {@code ses} (aws mode)
 * @param from             the sender address (on SES a verified identity)
 * @param adminConsoleUrl  the admin console's public URL, which each mail links to
 * @param reminderInterval an alert still open and occurring again is mailed again at most this often;
 *                         zero: never
 * @param attempts         sendings of one mail at most (the first included)
 * @param firstBackoff     wait before the second attempt, doubled before each next one
 * @param queueCapacity    alerts waiting to be mailed at most; more are dropped (and logged), never waited for
 */
@ConfigurationProperties(prefix = "lunora.alerts.mail")
public record AlertMailProperties(String transport, String from, String adminConsoleUrl, Duration reminderInterval,
        Integer attempts, Duration firstBackoff, Integer queueCapacity) {
    public AlertMailProperties {
        transport = transport == null || transport.isBlank() ? "smtp" : transport;
        from = from == null || from.isBlank() ? "no-reply@lunora.local" : from;
        adminConsoleUrl = adminConsoleUrl == null || adminConsoleUrl.isBlank() ? "http://localhost:8080/admin"
                : adminConsoleUrl;
        reminderInterval = reminderInterval == null ? Duration.ofMinutes(30) : reminderInterval;
        attempts = attempts == null ? 4 : attempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(2) : firstBackoff;
        queueCapacity = queueCapacity == null ? 500 : queueCapacity;
    }
}
