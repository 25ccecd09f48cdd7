package io.lunora.engine.ts;

import java.io.IOException;
import java.io.InputStream;

/** Reads whole 188-byte packets from a stream, finding the sync byte again after garbage. */
public final class TsReader {
    private final InputStream in;

    public TsReader(InputStream in) {
        this.in = in;
    }

    /** Fills {@code packet}; false at the end of the stream. */
    public boolean next(byte[] packet) throws IOException {
        int first;
        do {
            first = in.read();
            if (first < 0) {
                return false;
            }
        } while (first != TsPacket.SYNC);
        packet[0] = TsPacket.SYNC;
        return in.readNBytes(packet, 1, TsPacket.SIZE - 1) == TsPacket.SIZE - 1;
    }
}
