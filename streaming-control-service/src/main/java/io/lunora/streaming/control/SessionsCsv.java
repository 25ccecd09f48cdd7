package io.lunora.streaming.control;

import io.lunora.streaming.sessions.StreamSession;
import io.lunora.support.web.CsvCell;
import java.util.List;
import java.util.stream.Collectors;

/** Sessions as CSV (RFC 4180: comma, CRLF; cells by {@link CsvCell}) for spreadsheets and reports. */
final class SessionsCsv {
    static final String HEADER = "session_id,status,started_by,start_time,end_time,duration_seconds,destinations,"
            + "platforms,bytes_sent,failovers,switches,slate_insertions,recording";

    private SessionsCsv() {
    }

    static String of(List<SessionView> sessions) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SessionView s : sessions) {
            csv.append(String.join(",", cell(s.sessionId()), cell(s.status()), cell(s.startedBy()),
                    cell(String.valueOf(s.startTime())), cell(s.endTime() == null ? "" : s.endTime().toString()),
                    Long.toString(s.durationSeconds()),
                    cell(s.destinations().stream().map(StreamSession.Destination::name).collect(Collectors.joining("; "))),
                    cell(s.destinations().stream().map(StreamSession.Destination::platform).distinct()
                            .collect(Collectors.joining("; "))),
                    Long.toString(s.bytesSent()), Integer.toString(s.failoverCount()), Integer.toString(s.switchCount()),
                    Integer.toString(s.slateInsertions()), Boolean.toString(s.recording()))).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(String value) {
        return CsvCell.of(value);
    }
}
