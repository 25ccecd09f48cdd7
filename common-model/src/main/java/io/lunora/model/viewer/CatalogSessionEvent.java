package io.lunora.model.viewer;

import jakarta.validation.Valid;

/**
 * What the streaming control service posts to viewer-service's {@code POST /internal/catalog/sessions}
 * (client-credentials token, scope {@code internal}) when a session goes live and when it ends.
 * snake_case on the wire. A live event for an unknown {@code streamId} creates a public draft
 * entry that an admin completes; an existing entry keeps its title, category and access level.
 *
 * @param streamId       the catalog entry, {@code [A-Za-z0-9_-]{1,64}}: the id a creator prepared,
 *                       or the session id when none was
 * @param sessionId      the StreamSessions id
 * @param organizationId the organization that runs the session
 * @param creatorId      the operator who started it
 * @param isLive         true when the session went live, false when it ended
 * @param hlsUrl         the playlist path, e.g. {@code /hls/{stream_id}/index.m3u8}; required when live
 * @param startedAt      ISO-8601 instant the session went live
 * @param catalog        title, description and category for a new entry (as the operator gave them
 *                       when going live); ignored when the entry exists; may be absent
 */
public record CatalogSessionEvent(String streamId, String sessionId, String organizationId, String creatorId,
        Boolean isLive, String hlsUrl, String startedAt, @Valid StreamDetails catalog) {
}
