package io.lunora.model.destination;

import io.lunora.model.media.PublishTarget;

/**
 * A destination resolved for streaming, with its stream key: what the streaming control service
 * reads from {@code GET /internal/destinations/{id}/target} (scope {@code internal}) to drive the
 * media engine. snake_case on the wire. {@link #toString()} masks the key, so logging this record
 * cannot leak it.
 *
 * @param rtmpUrl   the ingest URL, {@code rtmp://} or {@code rtmps://}, without the key
 * @param streamKey the key, or null when the destination has none (the URL is then used as is)
 * @param ownerId   the {@code sub} of the user who created it; null for one made before owners were
 *                  recorded (then only admins may use it)
 */
public record DestinationTarget(String destinationId, String organizationId, String name, String platform,
        String rtmpUrl, String streamKey, String presetId, boolean enabled, boolean autoStart,
        boolean recordingBackup, boolean priority, String ownerId) {

    /** Where its output publishes: URL and key, kept apart. */
    public PublishTarget publishTarget() {
        return new PublishTarget(rtmpUrl, streamKey);
    }

    @Override
    public String toString() {
        return "DestinationTarget[destinationId=" + destinationId + ", organizationId=" + organizationId
                + ", name=" + name + ", platform=" + platform + ", presetId=" + presetId
                + ", enabled=" + enabled + ", autoStart=" + autoStart + ", streamKey="
                + (streamKey == null ? "none" : "****") + "]";
    }
}
