package io.lunora.engine.ts;

import java.util.Optional;

/**
 * Learns an input's stream layout from its PAT and PMT. Sections are read from the packet that
 * starts them; FFmpeg's muxer (every input passes through one) keeps each in one packet.
 */
public final class PsiReader {
    private static final int TABLE_PMT = 0x02;
    private static final int TABLE_PAT = 0x00;

    private int pmtPid = -1;
    private StreamLayout layout;

    public Optional<StreamLayout> layout() {
        return Optional.ofNullable(layout);
    }

    public boolean isTable(int pid) {
        return pid == TsPacket.PAT_PID || pid == pmtPid;
    }

    /** Reads a PAT or PMT packet; returns true when the layout changed. */
    public boolean accept(byte[] p) {
        int pid = TsPacket.pid(p);
        if (!TsPacket.payloadStart(p) || !isTable(pid)) {
            return false;
        }
        int offset = TsPacket.payloadOffset(p);
        if (offset >= TsPacket.SIZE - 1) {
            return false;
        }
        int section = offset + 1 + (p[offset] & 0xFF);
        if (section + 12 > TsPacket.SIZE) {
            return false;
        }
        int tableId = p[section] & 0xFF;
        int length = ((p[section + 1] & 0x0F) << 8) | (p[section + 2] & 0xFF);
        int end = Math.min(section + 3 + length - 4, TsPacket.SIZE);
        if (pid == TsPacket.PAT_PID && tableId == TABLE_PAT) {
            readPat(p, section + 8, end);
        } else if (pid == pmtPid && tableId == TABLE_PMT) {
            return readPmt(p, section, end);
        }
        return false;
    }

    private void readPat(byte[] p, int from, int end) {
        for (int i = from; i + 4 <= end; i += 4) {
            int program = ((p[i] & 0xFF) << 8) | (p[i + 1] & 0xFF);
            if (program != 0) {
                pmtPid = ((p[i + 2] & 0x1F) << 8) | (p[i + 3] & 0xFF);
                return;
            }
        }
    }

    private boolean readPmt(byte[] p, int section, int end) {
        int programInfoLength = ((p[section + 10] & 0x0F) << 8) | (p[section + 11] & 0xFF);
        int i = section + 12 + programInfoLength;
        int videoPid = -1;
        int videoType = 0;
        int audioPid = -1;
        int audioType = 0;
        while (i + 5 <= end) {
            int type = p[i] & 0xFF;
            int pid = ((p[i + 1] & 0x1F) << 8) | (p[i + 2] & 0xFF);
            int infoLength = ((p[i + 3] & 0x0F) << 8) | (p[i + 4] & 0xFF);
            if (videoPid < 0 && isVideoType(type)) {
                videoPid = pid;
                videoType = type;
            } else if (audioPid < 0 && isAudioType(type)) {
                audioPid = pid;
                audioType = type;
            }
            i += 5 + infoLength;
        }
        StreamLayout read = new StreamLayout(pmtPid, videoPid, videoType, audioPid, audioType);
        boolean changed = !read.equals(layout);
        layout = read;
        return changed;
    }

    private static boolean isVideoType(int type) {
        return type == 0x01 || type == 0x02 || type == 0x10 || type == StreamLayout.H264 || type == StreamLayout.H265;
    }

    private static boolean isAudioType(int type) {
        return type == 0x03 || type == 0x04 || type == StreamLayout.AAC || type == 0x11 || type == 0x81;
    }
}
