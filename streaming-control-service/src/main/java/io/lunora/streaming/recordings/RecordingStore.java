package io.lunora.streaming.recordings;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * Where the program's recordings are kept, one per session: the local engine's data folder, or
 * S3 where MediaLive archives on AWS. Identifiers reach it already checked.
 */
public interface RecordingStore {

    /** The organization's recordings, newest first. */
    List<StoredRecording> list(String organizationId);

    /**
     * Writes the session's recording to {@code out} as one MPEG-TS stream (its files back to back),
     * without holding it in memory.
     *
     * @throws RecordingNotFoundException when it has none
     */
    void copyTo(String organizationId, String sessionId, OutputStream out) throws IOException;

    /**
     * Removes the session's recording.
     *
     * @throws RecordingNotFoundException when it has none
     * @throws RecordingInUseException    when it is still being written
     */
    void delete(String organizationId, String sessionId);

    /**
     * @param bytes          its size now
     * @param firstWrittenAt when its first file was made
     * @param lastWrittenAt  when it was last written
     * @param writing        the store knows it is written now; a store that cannot tell says false
     */
    record StoredRecording(String sessionId, long bytes, Instant firstWrittenAt, Instant lastWrittenAt,
            boolean writing) {
    }

    class RecordingNotFoundException extends RuntimeException {
        public RecordingNotFoundException(String sessionId) {
            super("recording '" + sessionId + "' not found");
        }
    }

    class RecordingInUseException extends RuntimeException {
        public RecordingInUseException() {
            super("The recording is still being written: stop the session first.");
        }
    }
}
