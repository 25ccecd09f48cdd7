package io.lunora.streaming.control;

import io.lunora.streaming.sessions.OutputState;
import io.lunora.streaming.sessions.StreamSession;
import java.time.Instant;
import java.util.List;

/**
 * A session as the API shows it (no secrets ever enter a session).
 *
 * @param failoverEvents the latest input switches (at most {@value StreamSession#RECENT_SWITCHES});
 *                       every switch: {@code GET /api/streaming/sessions/{id}/events}
 * @param switchCount    every input switch of the session, {@code failoverCount} those between real
 *                       inputs, {@code slateInsertions} those to the slate
 */
public record SessionView(String sessionId, String status, String startedBy, Instant startTime, Instant endTime,
        long durationSeconds, StreamSession.SourceSnapshot sourceConfig, List<StreamSession.Destination> destinations,
        List<String> activeDestinations, long bytesSent, int bandwidthKbps,
        List<StreamSession.FailoverEvent> failoverEvents, int failoverCount, int switchCount, int slateInsertions,
        List<StreamSession.SessionError> errorLogs, boolean recording, Instant stopDeadline) {

    static SessionView of(StreamSession s, Instant now) {
        return new SessionView(s.sessionId(), s.status().value(), s.startedBy(), s.startTime(), s.endTime(),
                s.duration(now).toSeconds(), s.sourceConfig(), s.destinations(), s.activeDestinationIds(),
                s.destinations().stream().mapToLong(StreamSession.Destination::bytesSent).sum(),
                s.destinations().stream().filter(d -> d.state() == OutputState.LIVE)
                        .mapToInt(StreamSession.Destination::bitrateKbps).sum(),
                s.recentSwitches(), s.switchCounts().failovers(), s.switchCounts().switches(),
                s.switchCounts().slateInsertions(), s.errors(), s.recording(), s.stopDeadline());
    }
}
