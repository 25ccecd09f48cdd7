package io.lunora.viewer.viewing;

import java.util.List;
import java.util.Optional;

/**
 * Where viewing sessions are kept (ViewingHistory, which also holds a viewer's chat messages and
 * comments). Sort keys and time bounds are {@link io.lunora.viewer.Timestamps#sortable} strings.
 */
public interface ViewingStore {

    void start(ViewingSession session);

    Optional<ViewingSession> find(String viewerId, String viewingSessionId);

    void progress(String viewerId, String viewingSessionId, long duration, String quality, String now);

    void end(String viewerId, String viewingSessionId, long duration, String exitReason, long score, String now);

    /** Deletes one item of the viewer's history, whatever its kind. */
    void delete(String viewerId, String sortKey);

    /** A viewer's sessions started at or after {@code since}, newest first. */
    List<ViewingSession> history(String viewerId, String since, int limit);

    /** Sessions of a stream that have not ended and reported progress since {@code seenSince}. */
    int countActive(String streamId, String startedSince, String seenSince);

    /** Sessions of a stream started since {@code since}: its recent audience, for trending. */
    int countStarted(String streamId, String since);

    /** Every item of a viewer in the history (viewing sessions, chat messages, comments), for export and deletion. */
    List<HistoryItem> allItemsOf(String viewerId);
}
