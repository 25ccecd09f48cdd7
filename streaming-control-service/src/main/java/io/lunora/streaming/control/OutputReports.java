package io.lunora.streaming.control;

import io.lunora.streaming.media.MediaEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output report last applied to each organization's open session, so that a report the
 * backend repeats costs neither a read nor a write. Forgotten whenever the session changes by
 * another way (a start, a stop, a restore), after which the next report is applied again.
 */
final class OutputReports {
    private record Report(String state, String lastError) {
    }

    private final Map<String, Map<String, Report>> applied = new ConcurrentHashMap<>();

    boolean isRepeat(MediaEvent.OutputStateChanged event) {
        Report last = applied.getOrDefault(event.organizationId(), Map.of()).get(event.destinationId());
        return last != null && last.equals(new Report(event.state(), event.lastError()));
    }

    void applied(MediaEvent.OutputStateChanged event) {
        applied.computeIfAbsent(event.organizationId(), k -> new ConcurrentHashMap<>())
                .put(event.destinationId(), new Report(event.state(), event.lastError()));
    }

    void forget(String organizationId) {
        applied.remove(organizationId);
    }
}
