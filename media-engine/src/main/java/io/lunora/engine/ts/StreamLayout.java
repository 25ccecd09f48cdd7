package io.lunora.engine.ts;

/**
 * Where the elementary streams of one input are: its first video and first audio stream, as read
 * from its PMT, with their stream types (so the program's PMT can say what it carries).
 *
 * @param videoPid -1 when the input has no video
 * @param audioPid -1 when the input has no audio
 */
public record StreamLayout(int pmtPid, int videoPid, int videoType, int audioPid, int audioType) {
    public static final int H264 = 0x1B;
    public static final int H265 = 0x24;
    public static final int AAC = 0x0F;

    public boolean isVideo(int pid) {
        return pid == videoPid;
    }

    public boolean isAudio(int pid) {
        return pid == audioPid;
    }
}
