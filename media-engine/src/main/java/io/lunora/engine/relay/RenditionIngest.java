package io.lunora.engine.relay;

import io.lunora.engine.ingest.PacketSink;
import io.lunora.engine.rendition.TsFanOut;
import io.lunora.engine.ts.ProgramTables;
import io.lunora.engine.ts.StreamLayout;
import io.lunora.engine.ts.TsPacket;

/**
 * Turns what an SRT input delivers (elementary stream packets of any PIDs, tables removed) into
 * one stream a pusher can copy: the video and audio on the program's fixed PIDs, with a PAT and
 * PMT before every keyframe, so that the fan-out's GOP cache lets a pusher start on a keyframe.
 * Runs on the input's reader thread; a new connection starts the stream over.
 */
final class RenditionIngest implements PacketSink {
    private final TsFanOut output;
    private final Runnable reconnected;
    private StreamLayout layout;
    private int patCounter;
    private int pmtCounter;
    private int pmtVersion;
    private boolean delivered;
    private volatile boolean connecting;

    /** @param reconnected called on the first packet of a connection after an earlier one delivered */
    RenditionIngest(TsFanOut output, Runnable reconnected) {
        this.output = output;
        this.reconnected = reconnected;
    }

    @Override
    public void connecting(String inputId) {
        connecting = true;
    }

    @Override
    public void accept(String inputId, byte[] packet, StreamLayout current) {
        int pid = TsPacket.pid(packet);
        boolean video = current.isVideo(pid);
        if (!video && !current.isAudio(pid)) {
            return;
        }
        if (connecting) {
            connecting = false;
            if (delivered) {
                output.restart();
                reconnected.run();
            }
            layout = null;
        }
        boolean keyframe = video && TsPacket.randomAccess(packet);
        if (!current.equals(layout) || keyframe) {
            if (!current.equals(layout)) {
                layout = current;
                pmtVersion++;
            }
            output.publish(ProgramTables.pat(patCounter++));
            output.publish(ProgramTables.pmt(pmtCounter++, pmtVersion,
                    current.videoPid() >= 0 ? current.videoType() : StreamLayout.H264,
                    current.audioPid() >= 0 ? current.audioType() : StreamLayout.AAC));
        }
        byte[] copy = packet.clone();
        TsPacket.setPid(copy, video ? ProgramTables.VIDEO_PID : ProgramTables.AUDIO_PID);
        output.publish(copy);
        delivered = true;
    }
}
