package io.lunora.engine.ingest;

/**
 * One SRT input as the engine runs it.
 *
 * @param listener   true: the engine listens on {@code host:port}; false: it calls the source there
 * @param latencyMs  SRT receive latency
 * @param passphrase null for an unencrypted input; else 10 to 79 characters
 * @param keyLength  AES key length in bytes (16, 24, 32) when encrypted
 * @param streamId   the SRT stream id a caller announces (some listeners route by it), or null
 */
public record SrtInputSettings(String inputId, boolean listener, String host, int port, int latencyMs,
        String passphrase, Integer keyLength, String streamId) {

    /** The URL FFmpeg opens; it holds the passphrase, so it is only ever logged redacted. */
    public String url() {
        StringBuilder url = new StringBuilder("srt://").append(host).append(':').append(port)
                .append("?mode=").append(listener ? "listener" : "caller")
                .append("&latency=").append(latencyMs * 1000L)
                .append("&transtype=live");
        if (passphrase != null && !passphrase.isEmpty()) {
            url.append("&passphrase=").append(passphrase).append("&pbkeylen=").append(keyLength == null ? 16 : keyLength);
        }
        if (streamId != null && !streamId.isEmpty()) {
            url.append("&streamid=").append(java.net.URLEncoder.encode(streamId, java.nio.charset.StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    @Override
    public String toString() {
        return "SrtInputSettings[inputId=" + inputId + ", listener=" + listener + ", host=" + host + ", port=" + port
                + ", latencyMs=" + latencyMs + ", encrypted=" + (passphrase != null) + ", streamId=" + (streamId != null) + "]";
    }
}
