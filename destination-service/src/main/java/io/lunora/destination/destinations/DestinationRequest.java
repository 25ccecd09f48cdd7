package io.lunora.destination.destinations;

/**
 * A destination as a client writes it. {@code rtmp_url} may be left out for platforms with a fixed
 * ingest (YouTube, X); {@code stream_key} is write-only and optional on update (the key stays).
 *
 * @param version the version the client read; required on update
 */
public record DestinationRequest(String name, String platform, String rtmpUrl, String streamKey, String presetId,
        Boolean enabled, Boolean autoStart, Boolean recordingBackup, Boolean priority, Long version) {

    @Override
    public String toString() {
        return "DestinationRequest[name=" + name + ", platform=" + platform + ", streamKey="
                + (streamKey == null ? "none" : "****") + "]";
    }
}
