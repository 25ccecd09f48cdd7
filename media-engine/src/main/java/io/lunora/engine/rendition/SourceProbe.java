package io.lunora.engine.rendition;

import io.lunora.engine.process.ChildPool;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.program.ProgramBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads what the program carries now (codec, resolution, frame rate, audio) with ffprobe fed
 * from the program bus, so that a passthrough preset can be checked against the source. Small
 * probing: about a second of program.
 */
public final class SourceProbe {
    private final Ffmpeg ffmpeg;
    private final Duration timeout;

    public SourceProbe(Ffmpeg ffmpeg, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    /** The program's format, or empty when ffprobe found no video within the timeout. */
    public Optional<SourceFormat> probe(ProgramBus program) {
        Process process;
        try {
            process = ffmpeg.processBuilder(ffmpeg.probeCommand(List.of("-v", "error",
                    "-probesize", "500000", "-analyzeduration", "1500000", "-f", "mpegts", "-i", "pipe:0",
                    "-show_entries", "stream=codec_type,codec_name,width,height,r_frame_rate,sample_rate,channels",
                    "-of", "flat"))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PacketPipe feed = new PacketPipe("probe", process.getOutputStream(), MediaPackets.PROGRAM,
                PacketPipe.LIVE_EDGE, () -> ChildPool.signal(process, true));
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process),
                task -> Thread.ofVirtual().name("probe-stdout").start(task));
        program.addReader(feed);
        try {
            return parse(output.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            program.removeReader(feed);
            feed.close();
            ChildPool.signal(process, true);
        }
    }

    private static String read(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads ffprobe's flat output: {@code streams.stream.0.codec_name="h264"} lines. */
    static Optional<SourceFormat> parse(String flat) {
        Map<String, Map<String, String>> streams = new HashMap<>();
        for (String line : flat.lines().toList()) {
            int equals = line.indexOf('=');
            String[] name = equals < 0 ? new String[0] : line.substring(0, equals).split("\\.");
            if (name.length == 4 && name[0].equals("streams")) {
                streams.computeIfAbsent(name[2], s -> new HashMap<>()).put(name[3],
                        line.substring(equals + 1).replace("\"", ""));
            }
        }
        Map<String, String> video = first(streams, "video");
        if (video == null || !video.containsKey("width")) {
            return Optional.empty();
        }
        Map<String, String> audio = first(streams, "audio");
        return Optional.of(new SourceFormat(video.get("codec_name"), Integer.parseInt(video.get("width")),
                Integer.parseInt(video.get("height")), rate(video.get("r_frame_rate")),
                audio == null ? null : audio.get("codec_name"), audio == null ? 0 : number(audio.get("sample_rate")),
                audio == null ? 0 : number(audio.get("channels"))));
    }

    private static Map<String, String> first(Map<String, Map<String, String>> streams, String type) {
        return streams.entrySet().stream().filter(s -> type.equals(s.getValue().get("codec_type")))
                .min(Map.Entry.comparingByKey()).map(Map.Entry::getValue).orElse(null);
    }

    private static double rate(String fraction) {
        if (fraction == null || !fraction.matches("\\d+/\\d+")) {
            return 0;
        }
        String[] parts = fraction.split("/");
        return Integer.parseInt(parts[1]) == 0 ? 0 : Double.parseDouble(parts[0]) / Integer.parseInt(parts[1]);
    }

    private static int number(String value) {
        return value == null || !value.matches("\\d+") ? 0 : Integer.parseInt(value);
    }
}
