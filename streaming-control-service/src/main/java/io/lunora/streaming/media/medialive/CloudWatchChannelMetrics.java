package io.lunora.streaming.media.medialive;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * The channel's input metrics from one {@code GetMetricData} call: the last three minutes in 10 s
 * periods (MediaLive metrics have 1 s resolution), newest first. Dimensions {@code ChannelId} and
 * {@code Pipeline}, without {@code ActiveInputFailoverLabel}, so the figures cover the channel's
 * ingest whichever input of the pair is on air.
 */
class CloudWatchChannelMetrics implements ChannelMetrics {
    static final String NAMESPACE = "AWS/MediaLive";
    static final Duration PERIOD = Duration.ofSeconds(10);
    static final Duration WINDOW = Duration.ofMinutes(3);

    private final CloudWatchClient cloudwatch;

    CloudWatchChannelMetrics(CloudWatchClient cloudwatch) {
        this.cloudwatch = cloudwatch;
    }

    @Override
    public InputMetrics read(String channelId, String pipelineId, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        List<Dimension> dimensions = List.of(Dimension.builder().name("ChannelId").value(channelId).build(),
                Dimension.builder().name("Pipeline").value(pipelineId).build());
        Map<String, MetricDataResult> results = cloudwatch.getMetricData(b -> b.startTime(end.minus(WINDOW))
                .endTime(end).scanBy(ScanBy.TIMESTAMP_DESCENDING).metricDataQueries(
                        query("frames", "InputVideoFrameRate", "Maximum", dimensions),
                        query("network", "NetworkIn", "Average", dimensions),
                        query("primary", "PrimaryInputActive", "Minimum", dimensions)))
                .metricDataResults().stream().collect(Collectors.toMap(MetricDataResult::id, r -> r, (a, b) -> a));
        MetricDataResult frames = results.get("frames");
        Double primary = latest(results.get("primary"));
        return new InputMetrics(true, latest(frames), framesUntil(frames), latest(results.get("network")),
                primary == null ? null : primary >= 1);
    }

    private static MetricDataQuery query(String id, String metric, String stat, List<Dimension> dimensions) {
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(s -> s.stat(stat)
                .period((int) PERIOD.toSeconds())
                .metric(m -> m.namespace(NAMESPACE).metricName(metric).dimensions(dimensions))).build();
    }

    private static Double latest(MetricDataResult result) {
        return result == null || result.values().isEmpty() ? null : result.values().get(0);
    }

    private static Instant framesUntil(MetricDataResult frames) {
        if (frames == null) {
            return null;
        }
        for (int i = 0; i < Math.min(frames.values().size(), frames.timestamps().size()); i++) {
            if (frames.values().get(i) > 0) {
                return frames.timestamps().get(i).plus(PERIOD);
            }
        }
        return null;
    }
}
