package io.lunora.system.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What ffprobe reads from a recording: its video stream and how many seconds of video it holds. */
public record VideoProbe(String codec, int width, int height, int frames, double seconds) {

    public static VideoProbe of(Path file) {
        List<String> command = MediaTools.ffmpeg().probeCommand(List.of("-v", "error", "-select_streams", "v:0",
                "-count_packets", "-show_entries", "stream=codec_name,width,height,nb_read_packets",
                "-show_entries", "format=duration", "-of", "json", file.toString()));
        try {
            Process process = MediaTools.ffmpeg().processBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            JsonNode json = JsonMapper.builder().build().readTree(process.getInputStream().readAllBytes());
            process.waitFor();
            JsonNode stream = json.path("streams").path(0);
            return new VideoProbe(stream.path("codec_name").asString(""), stream.path("width").asInt(),
                    stream.path("height").asInt(), stream.path("nb_read_packets").asInt(),
                    json.path("format").path("duration").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String resolution() {
        return width + "x" + height;
    }
}
