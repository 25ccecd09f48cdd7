package io.lunora.engine.ts;

/**
 * Reading and rewriting the header of one 188-byte MPEG-TS packet in place. Only what the
 * switcher needs: PID, payload start, continuity counter, adaptation field flags.
 */
public final class TsPacket {
    public static final int SIZE = 188;
    public static final byte SYNC = 0x47;
    public static final int PAT_PID = 0;
    public static final int NULL_PID = 0x1FFF;

    private TsPacket() {
    }

    public static int pid(byte[] p) {
        return ((p[1] & 0x1F) << 8) | (p[2] & 0xFF);
    }

    public static void setPid(byte[] p, int pid) {
        p[1] = (byte) ((p[1] & 0xE0) | ((pid >> 8) & 0x1F));
        p[2] = (byte) pid;
    }

    public static boolean payloadStart(byte[] p) {
        return (p[1] & 0x40) != 0;
    }

    public static boolean hasPayload(byte[] p) {
        return (p[3] & 0x10) != 0;
    }

    private static boolean hasAdaptation(byte[] p) {
        return (p[3] & 0x20) != 0 && (p[4] & 0xFF) > 0;
    }

    public static int continuity(byte[] p) {
        return p[3] & 0x0F;
    }

    public static void setContinuity(byte[] p, int counter) {
        p[3] = (byte) ((p[3] & 0xF0) | (counter & 0x0F));
    }

    /** The random access indicator: a keyframe starts in this packet. */
    public static boolean randomAccess(byte[] p) {
        return hasAdaptation(p) && (p[5] & 0x40) != 0;
    }

    /**
     * The program clock reference's 90 kHz base, or -1 when the packet carries none. The 27 MHz
     * extension adds nothing a pacer needs.
     */
    public static long pcrBase(byte[] p) {
        if (!hasAdaptation(p) || (p[4] & 0xFF) < 7 || (p[5] & 0x10) == 0) {
            return -1;
        }
        return ((p[6] & 0xFFL) << 25) | ((p[7] & 0xFFL) << 17) | ((p[8] & 0xFFL) << 9) | ((p[9] & 0xFFL) << 1)
                | ((p[10] & 0xFFL) >> 7);
    }

    public static boolean discontinuity(byte[] p) {
        return hasAdaptation(p) && (p[5] & 0x80) != 0;
    }

    /** Marks a time base discontinuity; only possible when the packet has an adaptation field. */
    public static boolean markDiscontinuity(byte[] p) {
        if (!hasAdaptation(p)) {
            return false;
        }
        p[5] |= (byte) 0x80;
        return true;
    }

    /** Where the payload starts, past the header and adaptation field; SIZE when there is none. */
    public static int payloadOffset(byte[] p) {
        if (!hasPayload(p)) {
            return SIZE;
        }
        int offset = 4;
        if ((p[3] & 0x20) != 0) {
            offset += 1 + (p[4] & 0xFF);
        }
        return Math.min(offset, SIZE);
    }
}
