package io.lunora.engine.ts;

import java.util.Arrays;

/**
 * The program's own PAT and PMT: one program, fixed PIDs, whatever input is on air. A decoder
 * downstream (the rendition encoders) then sees one stream that never moves; only the PMT's
 * stream types and version change when an input with other codecs goes on air.
 */
public final class ProgramTables {
    public static final int PMT_PID = 0x1000;
    public static final int VIDEO_PID = 0x100;
    public static final int AUDIO_PID = 0x101;
    private static final int PROGRAM = 1;

    private ProgramTables() {
    }

    public static byte[] pat(int continuity) {
        byte[] section = {0x00, (byte) 0xB0, 0x0D, 0x00, 0x01, (byte) 0xC1, 0x00, 0x00,
                0x00, PROGRAM, (byte) (0xE0 | (PMT_PID >> 8)), (byte) PMT_PID};
        return packet(TsPacket.PAT_PID, continuity, section);
    }

    /** A PMT carrying H.264/H.265 video and AAC (or other) audio on the fixed PIDs. */
    public static byte[] pmt(int continuity, int version, int videoType, int audioType) {
        byte[] section = {0x02, (byte) 0xB0, 0x17, 0x00, PROGRAM, (byte) (0xC1 | ((version & 0x1F) << 1)), 0x00, 0x00,
                (byte) (0xE0 | (VIDEO_PID >> 8)), (byte) VIDEO_PID, (byte) 0xF0, 0x00,
                (byte) videoType, (byte) (0xE0 | (VIDEO_PID >> 8)), (byte) VIDEO_PID, (byte) 0xF0, 0x00,
                (byte) audioType, (byte) (0xE0 | (AUDIO_PID >> 8)), (byte) AUDIO_PID, (byte) 0xF0, 0x00};
        return packet(PMT_PID, continuity, section);
    }

    private static byte[] packet(int pid, int continuity, byte[] section) {
        byte[] p = new byte[TsPacket.SIZE];
        Arrays.fill(p, (byte) 0xFF);
        p[0] = TsPacket.SYNC;
        p[1] = (byte) (0x40 | (pid >> 8));
        p[2] = (byte) pid;
        p[3] = (byte) (0x10 | (continuity & 0x0F));
        p[4] = 0;
        System.arraycopy(section, 0, p, 5, section.length);
        long crc = crc32(p, 5, section.length);
        int at = 5 + section.length;
        p[at] = (byte) (crc >> 24);
        p[at + 1] = (byte) (crc >> 16);
        p[at + 2] = (byte) (crc >> 8);
        p[at + 3] = (byte) crc;
        return p;
    }

    /** CRC-32/MPEG-2 of a PSI section. */
    static long crc32(byte[] data, int offset, int length) {
        int crc = 0xFFFFFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc ^= (data[i] & 0xFF) << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc & 0xFFFFFFFFL;
    }
}
