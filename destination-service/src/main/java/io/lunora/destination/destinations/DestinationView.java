package io.lunora.destination.destinations;

/**
 * A destination as the API shows it: the key only as {@code stream_key_masked} and {@code has_key}.
 * {@code owner_id} is the {@code sub} of its creator (null: made before owners were recorded, admins' only).
 */
public record DestinationView(String destinationId, String name, String platform, String rtmpUrl, String presetId,
        boolean enabled, boolean autoStart, boolean recordingBackup, boolean priority, boolean hasKey,
        String streamKeyMasked, Long version, String createdAt, String updatedAt, String ownerId) {

    static DestinationView of(Destination d) {
        return new DestinationView(d.destinationId(), d.name(), d.platform(), d.rtmpUrl(), d.presetId(), d.enabled(),
                d.autoStart(), d.recordingBackup(), d.priority(), d.hasKey(), d.streamKeyMasked(), d.version(),
                d.createdAt(), d.updatedAt(), d.userId());
    }
}
