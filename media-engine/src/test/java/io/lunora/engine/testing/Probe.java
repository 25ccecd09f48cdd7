package io.lunora.engine.testing;

import io.lunora.engine.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What ffprobe reads from a recording: the video stream and its packets. */
public record Probe(String codec, String profile, int width, int height, double frameRate, List<Packet> packets) {

    public record Packet(double pts, int size, boolean keyframe) {
    }

    public static Probe video(Path file) {
        Ffmpeg ffmpeg = Media.ffmpeg();
        try {
            Process process = ffmpeg.processBuilder(ffmpeg.probeCommand(List.of("-v", "error", "-select_streams", "v:0",
                    "-show_entries", "stream=codec_name,profile,width,height,avg_frame_rate",
                    "-show_entries", "packet=pts_time,size,flags", "-of", "json", file.toString()))).start();
            JsonNode json = JsonMapper.builder().build().readTree(process.getInputStream().readAllBytes());
            process.waitFor();
            JsonNode stream = json.path("streams").path(0);
            List<Packet> packets = new ArrayList<>();
            for (JsonNode p : json.path("packets")) {
                if (p.hasNonNull("pts_time")) {
                    packets.add(new Packet(p.path("pts_time").asDouble(), p.path("size").asInt(),
                            p.path("flags").asString().startsWith("K")));
                }
            }
            packets.sort(java.util.Comparator.comparingDouble(Packet::pts));
            String[] rate = stream.path("avg_frame_rate").asString("0/1").split("/");
            double fps = Double.parseDouble(rate[1]) == 0 ? 0 : Double.parseDouble(rate[0]) / Double.parseDouble(rate[1]);
            return new Probe(stream.path("codec_name").asString(), stream.path("profile").asString(),
                    stream.path("width").asInt(), stream.path("height").asInt(), fps, packets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Seconds between consecutive keyframes (all intervals). */
    public List<Double> keyframeIntervals() {
        List<Double> intervals = new ArrayList<>();
        double previous = -1;
        for (Packet p : packets) {
            if (p.keyframe()) {
                if (previous >= 0) {
                    intervals.add(p.pts() - previous);
                }
                previous = p.pts();
            }
        }
        return intervals;
    }

    /** Average video bitrate in kbit/s over the packets from {@code skip} seconds on. */
    public double averageKbps(double skip) {
        double start = packets.getFirst().pts() + skip;
        List<Packet> counted = packets.stream().filter(p -> p.pts() >= start).toList();
        double seconds = counted.getLast().pts() - counted.getFirst().pts();
        long bytes = counted.stream().limit(counted.size() - 1).mapToLong(Packet::size).sum();
        return bytes * 8 / seconds / 1000;
    }

    /** The largest distance between consecutive frames. */
    public Duration largestFrameGap() {
        double largest = 0;
        for (int i = 1; i < packets.size(); i++) {
            largest = Math.max(largest, packets.get(i).pts() - packets.get(i - 1).pts());
        }
        return Duration.ofNanos((long) (largest * 1e9));
    }
}
