package io.lunora.streaming.alerts;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lunora.alerts}.
 *
 * @param noticeQuietPeriod       a notice (no condition to clear) resolves this long after its last occurrence
 * @param clearAfter              a condition that cleared resolves its alert once clear this long
 * @param webhookAllowedPrivateHosts CIDRs a webhook may point at although loopback or private; empty by default
 * @param webhookAttempts         deliveries of one change to one webhook at most (the first included)
 * @param webhookFirstBackoff     wait before the second attempt, doubled before each next one
 * @param webhookTimeout          connect and answer timeout of one attempt
 */
@ConfigurationProperties(prefix = "lunora.alerts")
public record AlertProperties(Duration noticeQuietPeriod, Duration clearAfter, List<String> webhookAllowedPrivateHosts,
        Integer webhookAttempts, Duration webhookFirstBackoff, Duration webhookTimeout) {
    public AlertProperties {
        noticeQuietPeriod = noticeQuietPeriod == null ? Duration.ofMinutes(10) : noticeQuietPeriod;
        clearAfter = clearAfter == null ? Duration.ofSeconds(60) : clearAfter;
        webhookAllowedPrivateHosts = webhookAllowedPrivateHosts == null ? List.of() : List.copyOf(webhookAllowedPrivateHosts);
        webhookAttempts = webhookAttempts == null ? 5 : webhookAttempts;
        webhookFirstBackoff = webhookFirstBackoff == null ? Duration.ofSeconds(2) : webhookFirstBackoff;
        webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(5) : webhookTimeout;
    }
}
