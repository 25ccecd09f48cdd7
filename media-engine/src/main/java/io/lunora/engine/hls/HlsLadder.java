package io.lunora.engine.hls;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.process.Backoff;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildProcess;
import io.lunora.engine.process.ChildSpec;
import io.lunora.engine.process.Progress;
import io.lunora.engine.process.ProgressMeters;
import io.lunora.engine.program.ProgramBus;
import io.lunora.engine.rendition.EncoderStatus;
import io.lunora.engine.rendition.ProgramFeed;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The platform player's HLS: one FFmpeg that decodes the program once and encodes every rung of
 * the ladder (16:9, letterboxed like the renditions), writing a master playlist, one media
 * playlist per rung and their segments under the channel's folder. Like the renditions it reads
 * the program with wall-clock timestamps, so input switches never break its timeline. The folder
 * is removed when the channel stops.
 */
public final class HlsLadder implements AutoCloseable {
    public static final String MASTER = "master.m3u8";

    private final Path folder;
    private final ProgressMeters meters;
    private final ProgramFeed feed;
    private final ChildProcess child;

    public HlsLadder(String organizationId, Path folder, EngineProperties.Hls settings, Ffmpeg ffmpeg, ChildPool pool,
            ProgramBus program, MeterRegistry registry) {
        this.folder = folder;
        this.meters = new ProgressMeters(registry, "hls", organizationId);
        delete(folder);
        try {
            for (EngineProperties.Rung rung : settings.ladder()) {
                Files.createDirectories(folder.resolve(rung.name()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the HLS folder", e);
        }
        this.feed = new ProgramFeed("hls-" + organizationId, program, meters);
        this.child = pool.create(new ChildSpec("hls-" + organizationId, ffmpeg.command(arguments(settings, folder)),
                ffmpeg.environment(), Backoff.standard(), settings.niceness()), feed);
    }

    static List<String> arguments(EngineProperties.Hls settings, Path folder) {
        List<EngineProperties.Rung> ladder = settings.ladder();
        int gop = settings.frameRate() * settings.segmentSeconds();
        StringBuilder graph = new StringBuilder("[0:v:0]fps=" + settings.frameRate() + ",split=" + ladder.size());
        for (int i = 0; i < ladder.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < ladder.size(); i++) {
            int h = ladder.get(i).height();
            int w = (int) Math.round(h * 16 / 9.0 / 2) * 2;
            graph.append(";[s").append(i).append("]scale=").append(w).append(':').append(h)
                    .append(":force_original_aspect_ratio=decrease,pad=").append(w).append(':').append(h)
                    .append(":(ow-iw)/2:(oh-ih)/2,setsar=1[v").append(i).append(']');
        }
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-loglevel", "warning", "-nostats",
                "-progress", "pipe:2", "-stats_period", "1",
                "-probesize", "200000", "-analyzeduration", "1000000", "-fflags", "+genpts+discardcorrupt",
                "-use_wallclock_as_timestamps", "1", "-f", "mpegts", "-i", "pipe:0",
                "-filter_complex", graph.toString()));
        StringBuilder streams = new StringBuilder();
        for (int i = 0; i < ladder.size(); i++) {
            EngineProperties.Rung rung = ladder.get(i);
            args.addAll(List.of("-map", "[v" + i + "]", "-map", "0:a:0",
                    "-b:v:" + i, rung.videoKbps() + "k", "-maxrate:v:" + i, rung.videoKbps() + "k",
                    "-bufsize:v:" + i, 2 * rung.videoKbps() + "k", "-b:a:" + i, rung.audioKbps() + "k"));
            streams.append(i == 0 ? "" : " ").append("v:").append(i).append(",a:").append(i).append(",name:")
                    .append(rung.name());
        }
        args.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-pix_fmt", "yuv420p",
                "-g", Integer.toString(gop), "-keyint_min", Integer.toString(gop), "-sc_threshold", "0",
                "-c:a", "aac", "-ar", "48000", "-ac", "2",
                "-copyts", "-start_at_zero", "-muxdelay", "0",
                "-f", "hls", "-hls_time", Integer.toString(settings.segmentSeconds()),
                "-hls_list_size", Integer.toString(settings.listSize()),
                "-hls_flags", "delete_segments+independent_segments",
                "-master_pl_name", MASTER, "-var_stream_map", streams.toString(),
                "-hls_segment_filename", folder.resolve("%v").resolve("segment-%05d.ts").toString(),
                folder.resolve("%v").resolve("index.m3u8").toString()));
        return args;
    }

    public void start() {
        child.start();
    }

    public Path folder() {
        return folder;
    }

    public Progress progress() {
        return meters.latest();
    }

    public EncoderStatus status() {
        return EncoderStatus.of("hls", feed, meters.latest());
    }

    /** Stops the encoder and removes the playlists and segments. */
    @Override
    public void close() {
        child.stop().join();
        meters.close();
        delete(folder);
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the HLS folder", e);
        }
    }
}
