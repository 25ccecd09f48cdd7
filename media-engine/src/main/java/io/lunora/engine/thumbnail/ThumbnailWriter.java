package io.lunora.engine.thumbnail;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.process.Backoff;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildProcess;
import io.lunora.engine.process.ChildSpec;
import io.lunora.engine.program.ProgramBus;
import io.lunora.engine.rendition.ProgramFeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The program's live thumbnail: one supervised FFmpeg that reads the program, decodes only its
 * keyframes (a thumbnail every few seconds needs no more, and it keeps this child cheap) and
 * writes a 16:9 JPEG, letterboxed like the HLS ladder, every {@code interval} to
 * {@code thumbnail.jpg} in the channel's HLS folder. FFmpeg writes a temporary file and renames it
 * ({@code -atomic_writing}), so a reader never sees half a picture. The file is removed when the
 * channel stops, so a stopped channel shows no stale picture.
 */
public final class ThumbnailWriter implements AutoCloseable {
    public static final String FILE = "thumbnail.jpg";

    private final Path file;
    private final ChildProcess child;

    /** The program's thumbnail, {@link #FILE} in {@code folder}. */
    public static ThumbnailWriter ofProgram(String organizationId, Path folder, EngineProperties.Thumbnail settings,
            Ffmpeg ffmpeg, ChildPool pool, ProgramBus program) {
        return new ThumbnailWriter("thumbnail-" + organizationId, folder.resolve(FILE), settings, ffmpeg, pool, program);
    }

    /** A picture of what {@code feed} carries, written to {@code file}. */
    public ThumbnailWriter(String name, Path file, EngineProperties.Thumbnail settings, Ffmpeg ffmpeg,
            ChildPool pool, ProgramBus feed) {
        this(name, file, settings, ffmpeg, pool, feed, null);
    }

    /**
     * @param description given FFmpeg's description of its input (its stderr lines at level
     *                    {@code info}, where FFmpeg names the streams it opened); null: none
     */
    ThumbnailWriter(String name, Path file, EngineProperties.Thumbnail settings, Ffmpeg ffmpeg,
            ChildPool pool, ProgramBus feed, Consumer<String> description) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the thumbnail folder", e);
        }
        ProgramFeed listener = new ProgramFeed(name, feed, null);
        this.child = pool.create(new ChildSpec(name, ffmpeg.command(arguments(settings, file, description != null)),
                ffmpeg.environment(), Backoff.standard()), description == null ? listener : listener.readingLines(description));
    }

    static List<String> arguments(EngineProperties.Thumbnail settings, Path file) {
        return arguments(settings, file, false);
    }

    private static List<String> arguments(EngineProperties.Thumbnail settings, Path file, boolean describeInput) {
        int width = settings.width();
        int height = settings.height();
        String picture = "fps=1000/" + settings.interval().toMillis() + ",scale=" + width + ':' + height
                + ":force_original_aspect_ratio=decrease,pad=" + width + ':' + height + ":(ow-iw)/2:(oh-ih)/2,setsar=1";
        return List.of("-hide_banner", "-loglevel", describeInput ? "info" : "warning", "-nostats",
                "-skip_frame", "nokey", "-probesize", "200000", "-analyzeduration", "1000000",
                "-fflags", "+genpts+discardcorrupt", "-use_wallclock_as_timestamps", "1", "-f", "mpegts", "-i", "pipe:0",
                "-map", "0:v:0", "-vf", picture, "-q:v", "4",
                "-f", "image2", "-update", "1", "-atomic_writing", "1", file.toString());
    }

    public void start() {
        child.start();
    }

    public Path file() {
        return file;
    }

    /** Stops the writer and removes the picture. */
    @Override
    public void close() {
        child.stop().join();
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the thumbnail", e);
        }
    }
}
