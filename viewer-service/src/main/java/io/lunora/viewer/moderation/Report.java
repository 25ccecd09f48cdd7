package io.lunora.viewer.moderation;

/**
 * A report in the moderation queue (ContentModeration). It targets a stream, or one chat message
 * or comment on it ({@code messageId}), whose author is then {@code reportedViewerId}.
 *
 * @param status     {@code pending} until a moderator resolves it
 * @param resolution {@code dismissed}, {@code content_removed} or {@code viewer_banned}
 */
public record Report(String reportId, String streamId, String reporterId, String reportType, String description,
        String messageId, String reportedViewerId, String status, String moderatorId, String resolution,
        String moderatorNote, String createdAt, String resolvedAt) {
}
