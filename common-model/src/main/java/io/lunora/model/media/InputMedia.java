package io.lunora.model.media;

/**
 * What an input carries, as read from its stream: the operator checks it before going live (the
 * encoder sends 1080p30 H.264, not 720p50 HEVC). Every field is null when not known yet or when the
 * stream has no such track. snake_case on the wire.
 *
 * @param videoCodec    FFmpeg's codec name ({@code h264}, {@code hevc} …)
 * @param frameRate     frames per second as the stream declares them
 * @param audioChannels FFmpeg's layout name ({@code stereo}, {@code mono}, {@code 5.1} …)
 */
public record InputMedia(String videoCodec, Integer width, Integer height, Double frameRate, String audioCodec,
        Integer sampleRateHz, String audioChannels) {
}
