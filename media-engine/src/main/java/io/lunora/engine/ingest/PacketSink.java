package io.lunora.engine.ingest;

import io.lunora.engine.ts.StreamLayout;

/** Where an input delivers its TS packets, on the input's reader thread. */
@FunctionalInterface
public interface PacketSink {
    /** {@code packet} is only valid during the call; the layout is the input's current one. */
    void accept(String inputId, byte[] packet, StreamLayout layout);

    /**
     * A new connection begins: the input's FFmpeg started again (a listener's runs one caller),
     * so the packets that follow start a new stream, with timestamps of their own.
     */
    default void connecting(String inputId) {
    }
}
