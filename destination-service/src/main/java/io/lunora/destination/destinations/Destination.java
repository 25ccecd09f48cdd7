package io.lunora.destination.destinations;

/**
 * A destination as stored: the key itself is in the secret store, under {@code streamKeyParam};
 * {@code streamKeyMasked} is the only form of it the table holds.
 */
public record Destination(String destinationId, String organizationId, String userId, String name, String platform,
        String rtmpUrl, String streamKeyParam, String streamKeyMasked, String presetId, boolean enabled,
        boolean autoStart, boolean recordingBackup, boolean priority, Long version, String createdAt,
        String updatedAt) {

    public boolean hasKey() {
        return streamKeyParam != null;
    }

    Destination withKey(String param, String masked, String updatedAt) {
        return new Destination(destinationId, organizationId, userId, name, platform, rtmpUrl, param, masked,
                presetId, enabled, autoStart, recordingBackup, priority, version, createdAt, updatedAt);
    }
}
