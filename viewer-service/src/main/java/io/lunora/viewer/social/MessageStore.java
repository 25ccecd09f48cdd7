package io.lunora.viewer.social;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where chat messages and comments are kept: found by author (account deletion) and listed per
 * stream and time.
 */
public interface MessageStore {

    Message post(String streamId, String authorId, String authorName, String kind, String text, Instant at);

    Optional<Message> find(String messageId);

    /** The newest messages of one kind on a stream, newest first, skipping authors in {@code hidden}. */
    List<Message> latest(String streamId, String kind, int limit, Set<String> hidden);

    /**
     * Messages of one kind on a stream sent after {@code after}, oldest first (at most {@code limit});
     * a {@link io.lunora.support.problem.StorageUnavailableException} when the store cannot be read now.
     */
    List<Message> after(String streamId, String kind, Instant after, int limit);

    void delete(String messageId);
}
