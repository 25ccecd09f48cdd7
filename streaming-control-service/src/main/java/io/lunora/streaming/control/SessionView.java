package io.lunora.streaming.control;

import io.lunora.streaming.sessions.StreamSession;
import java.time.Instant;
import java.util.List;

/** A session as the API shows it (no secrets ever enter a session). */
public record SessionView(String sessionId, String status, String startedBy, Instant startTime, Instant endTime,
        long durationSeconds, StreamSession.SourceSnapshot sourceConfig, List<StreamSession.Destination> destinations,
        List<String> activeDestinations, long bytesSent, int bandwidthKbps,
        List<StreamSession.FailoverEvent> failoverEvents, int failoverCount, List<StreamSession.SessionError> errorLogs,
        boolean recording, Instant stopDeadline) {

    static SessionView of(StreamSession s, Instant now) {
        return new SessionView(s.sessionId(), s.status().value(), s.startedBy(), s.startTime(), s.endTime(),
                s.duration(now).toSeconds(), s.sourceConfig(), s.destinations(), s.activeDestinationIds(),
                s.destinations().stream().mapToLong(StreamSession.Destination::bytesSent).sum(),
                s.destinations().stream().filter(d -> d.state() == io.lunora.streaming.sessions.OutputState.LIVE)
                        .mapToInt(StreamSession.Destination::bitrateKbps).sum(),
                s.failoverEvents(), s.failoverCount(), s.errors(), s.recording(), s.stopDeadline());
    }
}
