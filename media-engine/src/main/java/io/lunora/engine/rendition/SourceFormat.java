package io.lunora.engine.rendition;

/**
 * What the program carries, as ffprobe names it.
 *
 * @param videoCodec {@code h264}, {@code hevc}, ...
 * @param audioCodec {@code aac}, {@code mp3}, ...; null when the program has no audio
 */
public record SourceFormat(String videoCodec, int width, int height, double fps, String audioCodec,
        int sampleRateHz, int channels) {

    /** For logs and events, e.g. {@code h264 640x360 25 fps, aac 48000 Hz 2 ch}. */
    public String describe() {
        return videoCodec + " " + width + "x" + height + " " + Math.round(fps) + " fps"
                + (audioCodec == null ? ", no audio" : ", " + audioCodec + " " + sampleRateHz + " Hz " + channels + " ch");
    }
}
