package io.lunora.viewer.social;

/**
 * A chat message or comment as stored (raw text). {@code messageId} is {@code <author id>~<sort key>},
 * which locates the item in ViewingHistory.
 *
 * @param kind {@code chat} or {@code comment}
 */
public record Message(String messageId, String streamId, String authorId, String authorName, String kind, String text,
        String sentAt) {
}
