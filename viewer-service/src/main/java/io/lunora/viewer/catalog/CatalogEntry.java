package io.lunora.viewer.catalog;

import java.util.List;

/**
 * One entry of the StreamCatalog: a live or scheduled program. Editorial fields (title … mature,
 * featured) are edited by admins with optimistic locking ({@code version}); live fields (is_live,
 * hls_url, started_at, viewer_count) come from streaming sessions and viewing sessions.
 *
 * @param removed hidden by moderation; never listed, 404 to viewers
 */
public record CatalogEntry(String streamId, String title, String description, String creatorId,
        String organizationId, String category, List<String> tags, String thumbnailUrl, String hlsUrl,
        String accessLevel, long viewerCount, long likeCount, String createdAt, String updatedAt, boolean isLive,
        String scheduledStart, String startedAt, String endedAt, String sessionId, boolean featured, boolean mature,
        boolean removed, long version) {
}
