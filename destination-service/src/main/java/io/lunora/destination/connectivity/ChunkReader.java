package io.lunora.destination.connectivity;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Reassembles RTMP messages from the chunk stream (all four chunk header formats, extended timestamps). */
final class ChunkReader {
    static final int MAX_MESSAGE = 1 << 20;

    /** One complete message. */
    record Message(int typeId, byte[] payload) {
    }

    private static final class ChunkStream {
        int length;
        int typeId;
        boolean extendedTimestamp;
        byte[] buffer;
        int filled;
    }

    private final DataInputStream in;
    private final Map<Integer, ChunkStream> streams = new HashMap<>();
    private int chunkSize = 128;

    ChunkReader(DataInputStream in) {
        this.in = in;
    }

    Message next() throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int format = first >> 6;
            int csid = first & 0x3F;
            if (csid == 0) {
                csid = 64 + in.readUnsignedByte();
            } else if (csid == 1) {
                csid = 64 + in.readUnsignedByte() + in.readUnsignedByte() * 256;
            }
            ChunkStream s = streams.computeIfAbsent(csid, id -> new ChunkStream());
            if (format <= 2) {
                int timestamp = readUInt24();
                if (format <= 1) {
                    s.length = readUInt24();
                    s.typeId = in.readUnsignedByte();
                    if (format == 0) {
                        in.readInt(); // message stream id (little endian), unused here
                    }
                }
                s.extendedTimestamp = timestamp == 0xFFFFFF;
            }
            if (s.extendedTimestamp) {
                in.readInt();
            }
            if (s.buffer == null) {
                if (s.length > MAX_MESSAGE) {
                    throw new IOException("message of " + s.length + " bytes is larger than a command can be");
                }
                s.buffer = new byte[s.length];
                s.filled = 0;
            }
            int n = Math.min(chunkSize, s.buffer.length - s.filled);
            in.readFully(s.buffer, s.filled, n);
            s.filled += n;
            if (s.filled == s.buffer.length) {
                Message message = new Message(s.typeId, s.buffer);
                s.buffer = null;
                if (message.typeId() == RtmpProbe.SET_CHUNK_SIZE && message.payload().length >= 4) {
                    chunkSize = Math.max(1, java.nio.ByteBuffer.wrap(message.payload()).getInt() & 0x7FFFFFFF);
                }
                return message;
            }
        }
    }

    private int readUInt24() throws IOException {
        return (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
    }
}
