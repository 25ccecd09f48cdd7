package io.lunora.streaming.recordings;

import java.time.Instant;

/**
 * A recording as {@code GET /api/recordings} shows it.
 *
 * @param id              the session's id: one recording per session
 * @param streamId        the catalog entry viewers watched it under (its title is viewer-service's); null
 *                        when the session is no longer known
 * @param startedBy       who started the session; null when the session is no longer known
 * @param startedAt       when the session (or, without one, the recording) started
 * @param endedAt         when the session ended, or the recording was last written; null while it records
 * @param bytes           its size now
 * @param durationSeconds from its first file to its last write: what it covers, read from the files' times
 * @param state           {@code recording} while written, then {@code complete}
 */
public record RecordingView(String id, String streamId, String startedBy, Instant startedAt, Instant endedAt,
        long bytes, long durationSeconds, String state) {
    public static final String RECORDING = "recording";
    public static final String COMPLETE = "complete";
}
