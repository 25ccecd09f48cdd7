package io.lunora.engine.rendition;

import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.TsPacket;

/** Which TS packets of a stream carry media, and which start a video keyframe (where a decoder can join). */
public interface MediaPackets {
    boolean isMedia(byte[] packet);

    boolean isKeyframe(byte[] packet);

    /** The program: one fixed set of PIDs whatever input is on air ({@link ProgramTables}). */
    MediaPackets PROGRAM = new MediaPackets() {
        @Override
        public boolean isMedia(byte[] packet) {
            int pid = TsPacket.pid(packet);
            return pid == ProgramTables.VIDEO_PID || pid == ProgramTables.AUDIO_PID;
        }

        @Override
        public boolean isKeyframe(byte[] packet) {
            return TsPacket.pid(packet) == ProgramTables.VIDEO_PID && TsPacket.randomAccess(packet);
        }
    };
}
