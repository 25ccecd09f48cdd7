package io.lunora.engine.thumbnail;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.program.ProgramBus;
import io.lunora.model.media.InputMedia;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A picture of one input as it arrives, before any switching: what the operator checks before
 * going live and beside the program while live. It is a {@link ThumbnailWriter} fed with the
 * input's own stream ({@link #tap()} hands every packet on), so it costs one keyframe-only decoder, whose description of the stream also tells {@link #media()}.
 */
public final class InputPreview implements AutoCloseable {
    private final ProgramBus feed = new ProgramBus();
    private final InputMediaReader media = new InputMediaReader();
    private final ThumbnailWriter writer;

    public InputPreview(String organizationId, String inputId, Path file, EngineProperties.Thumbnail settings,
            Ffmpeg ffmpeg, ChildPool pool) {
        this.writer = new ThumbnailWriter("preview-" + organizationId + "-" + inputId, file, settings, ffmpeg, pool, feed,
                media);
    }

    /** What the input carries (codec, size, rate), once its decoder has opened the stream. */
    public Optional<InputMedia> media() {
        return media.media();
    }

    /** Receives the input's packets on its reader thread; copies them (the reader reuses its buffer). */
    public Consumer<byte[]> tap() {
        return packet -> feed.publish(Arrays.copyOf(packet, packet.length));
    }

    public void start() {
        writer.start();
    }

    public Path file() {
        return writer.file();
    }

    @Override
    public void close() {
        writer.close();
    }
}
