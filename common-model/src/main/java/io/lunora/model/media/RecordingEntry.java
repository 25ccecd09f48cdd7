package io.lunora.model.media;

import java.time.Instant;

/**
 * One session's recording as the media engine keeps it, in its answer to
 * {@code GET /internal/engine/recordings/{org}}: written by the engine, read by streaming-control.
 * snake_case on the wire.
 *
 * @param sessionId     the session recorded: the recording's id
 * @param bytes         its files' size now
 * @param files         how many files it is cut into (each plays on its own; together they play as one)
 * @param firstWrittenAt when its first file was made
 * @param lastWrittenAt when it was last written
 * @param writing       the engine writes it now (its session runs and records)
 */
public record RecordingEntry(String sessionId, long bytes, int files, Instant firstWrittenAt, Instant lastWrittenAt,
        boolean writing) {
}
