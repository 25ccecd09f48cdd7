package io.lunora.streaming.live;

import io.lunora.streaming.sessions.OutputState;
import io.lunora.streaming.sessions.StreamSession;
import java.time.Instant;
import java.util.List;

/**
 * What a browser needs to redraw the live panel, sent on every change.
 *
 * @param failoverCount changes between real inputs (the slate in between ignored), as the session counts them
 */
public record LiveSessionEvent(String sessionId, String status, Instant startTime, long elapsedSeconds,
        String activeInput, int bandwidthKbps, List<StreamSession.Destination> destinations,
        StreamSession.FailoverEvent lastFailover, int failoverCount, int slateInsertions) {

    static LiveSessionEvent of(StreamSession s, Instant now) {
        return new LiveSessionEvent(s.sessionId(), s.status().value(), s.startTime(), s.duration(now).toSeconds(),
                s.sourceConfig().activeInput(),
                s.destinations().stream().filter(d -> d.state() == OutputState.LIVE)
                        .mapToInt(StreamSession.Destination::bitrateKbps).sum(),
                s.destinations(), s.recentSwitches().isEmpty() ? null : s.recentSwitches().getLast(),
                s.switchCounts().failovers(), s.switchCounts().slateInsertions());
    }
}
