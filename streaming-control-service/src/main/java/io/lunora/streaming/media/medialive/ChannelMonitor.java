package io.lunora.streaming.media.medialive;

import io.lunora.streaming.media.OutputSpec;
import io.lunora.streaming.media.medialive.ChannelAlerts.Alert;
import io.lunora.streaming.media.medialive.ChannelMetrics.InputMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medialive.model.DescribeChannelResponse;
import software.amazon.awssdk.services.medialive.model.PipelineDetail;

/**
 * Reads a running channel's input metrics and set alerts at most once per {@code interval} per
 * channel (CloudWatch bills per metric read and MediaLive's figures move by the second, status is
 * polled far more often), and maps them with {@link ChannelHealth}. When the active input changed
 * since the last look, the alerts are read again at once, so the switch gets its reason from
 * what MediaLive says now. A failed read keeps the previous figures: status never fails for it.
 */
class ChannelMonitor {
    private static final Logger log = LoggerFactory.getLogger(ChannelMonitor.class);

    private final ChannelMetrics metrics;
    private final ChannelAlerts alerts;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> outputErrors = new ConcurrentHashMap<>();

    private record Reading(Instant at, InputMetrics metrics, List<Alert> alerts) {
    }

    ChannelMonitor(ChannelMetrics metrics, ChannelAlerts alerts, Duration interval, Clock clock) {
        this.metrics = metrics;
        this.alerts = alerts;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * @param active         the attachment on air now (DescribeChannel)
     * @param previousActive the attachment on air at the last look, null if none
     * @param outputs        the wanted outputs by destination id
     */
    ChannelHealth health(DescribeChannelResponse channel, String active, String previousActive,
            Map<String, OutputSpec> outputs) {
        Instant now = clock.instant();
        Reading last = readings.get(channel.id());
        Reading reading;
        if (last == null || !now.isBefore(last.at().plus(interval))) {
            reading = new Reading(now, readMetrics(channel, now, last), readAlerts(channel.id(), last));
        } else if (previousActive != null && active != null && !previousActive.equals(active)) {
            reading = new Reading(last.at(), last.metrics(), readAlerts(channel.id(), last));
        } else {
            reading = last;
        }
        readings.put(channel.id(), reading);
        ChannelHealth health = ChannelHealth.of(channel, active, reading.metrics(), reading.alerts(), outputs,
                outputErrors.getOrDefault(channel.id(), Map.of()), now);
        outputErrors.put(channel.id(), health.outputErrors());
        return health;
    }

    private InputMetrics readMetrics(DescribeChannelResponse channel, Instant now, Reading last) {
        // single-pipeline channels publish on pipeline 0 only
        String pipeline = channel.pipelineDetails().stream().map(PipelineDetail::pipelineId)
                .filter(p -> p != null).findFirst().orElse("0");
        try {
            return metrics.read(channel.id(), pipeline, now);
        } catch (SdkException e) {
            log.warn("CloudWatch metrics of channel {} not read: {}", channel.id(), e.getClass().getSimpleName());
            return last == null ? InputMetrics.UNKNOWN : last.metrics();
        }
    }

    private List<Alert> readAlerts(String channelId, Reading last) {
        try {
            return alerts.active(channelId);
        } catch (SdkException e) {
            log.warn("alerts of channel {} not read: {}", channelId, e.getClass().getSimpleName());
            return last == null ? List.of() : last.alerts();
        }
    }
}
