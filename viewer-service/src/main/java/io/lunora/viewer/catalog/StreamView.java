package io.lunora.viewer.catalog;

import io.lunora.model.viewer.AccessLevel;
import io.lunora.model.viewer.ViewerTier;
import java.util.List;

/**
 * A catalog entry as viewers see it. {@code canWatch} says whether the caller's tier covers the
 * entry's access level, so the apps can offer "upgrade" instead of "watch". The HLS path is not
 * shown: playback goes through {@code POST /api/viewing/start}, which signs a playback token.
 * {@code thumbnailUrl} is the admin's picture, else for a live stream its live thumbnail.
 */
public record StreamView(String streamId, String title, String description, String creatorId, String category,
        List<String> tags, String thumbnailUrl, String accessLevel, boolean isLive, long viewerCount, long likeCount,
        String scheduledStart, String startedAt, String createdAt, boolean featured, boolean mature, boolean canWatch) {

    public static StreamView of(CatalogEntry e, ViewerTier tier) {
        return new StreamView(e.streamId(), e.title(), e.description(), e.creatorId(), e.category(), e.tags(),
                thumbnailOf(e), e.accessLevel(), e.isLive(), e.viewerCount(), e.likeCount(), e.scheduledStart(),
                e.startedAt(), e.createdAt(), e.featured(), e.mature(), tier.canWatch(levelOf(e)));
    }

    static String thumbnailOf(CatalogEntry e) {
        if (e.thumbnailUrl() != null && !e.thumbnailUrl().isBlank()) {
            return e.thumbnailUrl();
        }
        return e.isLive() ? "/api/streams/" + e.streamId() + "/thumbnail" : null;
    }

    static AccessLevel levelOf(CatalogEntry e) {
        return AccessLevel.fromWireValue(e.accessLevel()).orElse(AccessLevel.VIP);
    }
}
