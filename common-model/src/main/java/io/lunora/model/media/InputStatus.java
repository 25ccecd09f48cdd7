package io.lunora.model.media;

/**
 * Health of one source input as the media backend sees it. snake_case on the wire.
 *
 * @param inputId          {@code primary} or {@code secondary}
 * @param connected        packets arrived within the last second
 * @param lastPacketAgeMs  null before the first packet
 * @param continuityErrors MPEG-TS continuity counter errors since the input was configured
 * @param uptimeSeconds    how long the current connection has been delivering
 * @param media            what the stream carries; null while not known
 */
public record InputStatus(String inputId, boolean connected, long bitrateKbps, Long lastPacketAgeMs,
        long continuityErrors, long uptimeSeconds, InputMedia media) {

    public InputStatus(String inputId, boolean connected, long bitrateKbps, Long lastPacketAgeMs,
            long continuityErrors, long uptimeSeconds) {
        this(inputId, connected, bitrateKbps, lastPacketAgeMs, continuityErrors, uptimeSeconds, null);
    }

    public InputStatus withMedia(InputMedia read) {
        return new InputStatus(inputId, connected, bitrateKbps, lastPacketAgeMs, continuityErrors, uptimeSeconds, read);
    }
}
