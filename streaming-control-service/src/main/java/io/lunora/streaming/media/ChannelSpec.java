package io.lunora.streaming.media;

/**
 * What a channel needs: its two inputs and how to switch between them, and whether to record.
 * The HLS ladder is the backend's own configuration.
 */
public record ChannelSpec(String organizationId, String sessionId, Inputs inputs, boolean recording) {

    /**
     * @param mode              {@code single}, {@code auto_failover} or {@code manual}
     * @param failoverThreshold seconds without packets before an automatic switch
     * @param failback          {@code stay} or {@code return_to_primary}
     */
    public record Inputs(String mode, int failoverThreshold, String failback, int failbackAfter, SrtInput primary,
            SrtInput secondary) {
    }

    /** One SRT input; {@link #toString()} never prints the passphrase. */
    public record SrtInput(String name, String mode, String host, int port, int latencyMs, String passphrase,
            Integer pbkeylen, String streamId) {
        @Override
        public String toString() {
            return "SrtInput[" + name + ", " + mode + " " + host + ":" + port + ", encrypted=" + (passphrase != null) + "]";
        }
    }
}
