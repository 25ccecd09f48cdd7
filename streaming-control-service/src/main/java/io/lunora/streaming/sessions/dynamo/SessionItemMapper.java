package io.lunora.streaming.sessions.dynamo;

import io.lunora.streaming.sessions.OutputState;
import io.lunora.streaming.sessions.SessionStatus;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.streaming.sessions.StreamSession.Destination;
import io.lunora.streaming.sessions.StreamSession.FailoverEvent;
import io.lunora.streaming.sessions.StreamSession.SessionError;
import io.lunora.streaming.sessions.StreamSession.SourceSnapshot;
import io.lunora.streaming.sessions.SwitchCounts;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Translates between the domain session and its item; nested values are string maps. */
final class SessionItemMapper {
    private SessionItemMapper() {
    }

    static SessionItem toItem(StreamSession s, Instant now) {
        SessionItem i = new SessionItem();
        i.setOrganizationId(s.organizationId());
        i.setSessionId(s.sessionId());
        i.setStartedBy(s.startedBy());
        i.setStartedById(s.startedById());
        i.setStartTime(s.startTime().toString());
        i.setEndTime(s.endTime() == null ? null : s.endTime().toString());
        i.setSessionStatus(s.status().value());
        i.setSourceConfig(source(s.sourceConfig()));
        i.setActiveDestinations(s.activeDestinationIds());
        i.setDestinations(s.destinations().stream().map(SessionItemMapper::destination).toList());
        i.setFailoverEvents(s.recentSwitches().stream().map(e -> map("time", e.time(), "from", e.from(), "to", e.to(),
                "reason", e.reason())).toList());
        SwitchCounts counts = s.switchCounts();
        i.setSwitchCounts(map("switches", counts.switches(), "failovers", counts.failovers(),
                "slate_insertions", counts.slateInsertions(), "last_input", counts.lastInput()));
        i.setErrorLogs(s.errors().stream().map(e -> map("time", e.time(), "destination_id", e.destinationId(),
                "message", e.message())).toList());
        long bytes = s.destinations().stream().mapToLong(Destination::bytesSent).sum();
        int bitrate = s.destinations().stream().filter(d -> d.state() == OutputState.LIVE)
                .mapToInt(Destination::bitrateKbps).sum();
        i.setMetrics(map("duration_seconds", s.duration(now).toSeconds(), "bytes_sent", bytes,
                "bandwidth_kbps", bitrate, "failover_count", counts.failovers()));
        i.setRecording(s.recording());
        i.setStopDeadline(s.stopDeadline() == null ? null : s.stopDeadline().toString());
        i.setStreamId(s.streamId());
        i.setVersion(s.version());
        return i;
    }

    static StreamSession toDomain(SessionItem i) {
        Map<String, String> src = i.getSourceConfig();
        List<FailoverEvent> switches = list(i.getFailoverEvents()).stream().map(m -> new FailoverEvent(
                Instant.parse(m.get("time")), m.get("from"), m.get("to"), m.get("reason"))).toList();
        return new StreamSession(i.getOrganizationId(), i.getSessionId(), i.getStartedBy(), i.getStartedById(),
                Instant.parse(i.getStartTime()), instant(i.getEndTime()), SessionStatus.of(i.getSessionStatus()),
                new SourceSnapshot(src.get("redundancy_mode"), Integer.parseInt(src.get("failover_threshold")),
                        src.get("primary_name"), src.get("secondary_name"), src.get("active_input")),
                list(i.getDestinations()).stream().map(SessionItemMapper::destination).toList(),
                counts(i.getSwitchCounts(), switches), latest(switches),
                list(i.getErrorLogs()).stream().map(m -> new SessionError(Instant.parse(m.get("time")),
                        m.get("destination_id"), m.get("message"))).toList(),
                Boolean.TRUE.equals(i.getRecording()), instant(i.getStopDeadline()), i.getStreamId(), i.getVersion());
    }

    /** Counts as stored; a session written before they were (its whole switch list in the item) counts its list. */
    private static SwitchCounts counts(Map<String, String> m, List<FailoverEvent> switches) {
        if (m == null) {
            SwitchCounts counted = SwitchCounts.NONE;
            for (FailoverEvent e : switches) {
                counted = counted.after(e);
            }
            return counted;
        }
        return new SwitchCounts(Integer.parseInt(m.get("switches")), Integer.parseInt(m.get("failovers")),
                Integer.parseInt(m.get("slate_insertions")), m.get("last_input"));
    }

    private static List<FailoverEvent> latest(List<FailoverEvent> switches) {
        int max = StreamSession.RECENT_SWITCHES;
        return switches.size() > max ? switches.subList(switches.size() - max, switches.size()) : switches;
    }

    private static Map<String, String> source(SourceSnapshot s) {
        return map("redundancy_mode", s.redundancyMode(), "failover_threshold", s.failoverThreshold(),
                "primary_name", s.primaryName(), "secondary_name", s.secondaryName(), "active_input", s.activeInput());
    }

    private static Map<String, String> destination(Destination d) {
        return map("destination_id", d.destinationId(), "name", d.name(), "platform", d.platform(),
                "preset_id", d.presetId(), "state", d.state().value(), "wanted", d.wanted(),
                "started_at", d.startedAt(), "stopped_at", d.stoppedAt(), "bytes_sent", d.bytesSent(),
                "bitrate_kbps", d.bitrateKbps(), "last_error", d.lastError());
    }

    private static Destination destination(Map<String, String> m) {
        return new Destination(m.get("destination_id"), m.get("name"), m.get("platform"), m.get("preset_id"),
                OutputState.of(m.get("state")), Boolean.parseBoolean(m.get("wanted")), instant(m.get("started_at")),
                instant(m.get("stopped_at")), Long.parseLong(m.getOrDefault("bytes_sent", "0")),
                Integer.parseInt(m.getOrDefault("bitrate_kbps", "0")), m.get("last_error"));
    }

    /** A string map without null values (DynamoDB maps hold no nulls worth storing). */
    private static Map<String, String> map(Object... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (int k = 0; k < keyValues.length; k += 2) {
            if (keyValues[k + 1] != null) {
                m.put((String) keyValues[k], String.valueOf(keyValues[k + 1]));
            }
        }
        return m;
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
