package io.lunora.engine.reality;

import java.nio.file.Path;
import java.util.List;

/**
 * The secondary peer, an encoder with no FFmpeg in it: GStreamer's live SMPTE bars (x264enc
 * zerolatency, voaacenc — Debian has no avenc_aac without gstreamer1.0-libav — mpegtsmux) sent by
 * libsrt's {@code srtsink} in caller mode, started again while the listener refuses it. Its
 * picture's top-left corner is the flat white of the first bar (see {@link Picture}).
 */
public final class GstreamerEncoder implements AutoCloseable {
    private final RedialingProcess process;

    private GstreamerEncoder(RedialingProcess process) {
        this.process = process;
    }

    public static GstreamerEncoder call(int port, int width, int height, int fps, Path log) {
        String pipeline = "videotestsrc is-live=true pattern=smpte"
                + " ! video/x-raw,format=I420,width=" + width + ",height=" + height + ",framerate=" + fps + "/1"
                + " ! timeoverlay ! x264enc tune=zerolatency speed-preset=veryfast bitrate=1500 key-int-max=" + fps * 2
                + " ! video/x-h264,profile=main ! h264parse ! queue ! mux."
                + " audiotestsrc is-live=true wave=sine freq=660 ! audioconvert ! audioresample"
                + " ! audio/x-raw,rate=48000,channels=2 ! voaacenc bitrate=128000 ! aacparse ! queue ! mux."
                + " mpegtsmux name=mux alignment=7 ! srtsink uri=srt://" + RedialingProcess.engineHost() + ":" + port + "?mode=caller latency=120";
        List<String> command = new java.util.ArrayList<>(List.of("gst-launch-1.0", "-q"));
        command.addAll(List.of(pipeline.split(" ")));
        return new GstreamerEncoder(new RedialingProcess("gstreamer", command, log));
    }

    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
