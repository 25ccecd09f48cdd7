package io.lunora.engine.thumbnail;

import io.lunora.model.media.InputMedia;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what an input carries from the stream description FFmpeg prints when it opens its input
 * ({@code Stream #0:0[0x100]: Video: h264 (High) …, 1280x720 […], 30 fps, …}): the preview's
 * decoder opens every input anyway, so the codec, size and rate come with no extra probe. The
 * description of a new connection replaces the last one when FFmpeg opens the input again.
 */
final class InputMediaReader implements Consumer<String> {
    private static final Pattern VIDEO = Pattern.compile("Stream #0:\\d+\\S*: Video: (\\w+)");
    private static final Pattern SIZE = Pattern.compile(", (\\d{2,5})x(\\d{2,5})[ ,]");
    private static final Pattern FPS = Pattern.compile(", (\\d+(?:\\.\\d+)?) fps");
    private static final Pattern AUDIO = Pattern.compile("Stream #0:\\d+\\S*: Audio: (\\w+)[^,]*, (\\d+) Hz, ([^,]+)");

    private volatile InputMedia media;
    private InputMedia pending;
    private boolean readingInput;

    /** Called with each line of FFmpeg's stderr, on the child's reading thread. */
    @Override
    public synchronized void accept(String line) {
        if (line.startsWith("Input #")) {
            readingInput = true;
            pending = new InputMedia(null, null, null, null, null, null, null);
        } else if (readingInput && (line.startsWith("Output #") || line.startsWith("Stream mapping"))) {
            readingInput = false;
            media = pending;
        } else if (readingInput) {
            pending = withStream(pending, line);
        }
    }

    Optional<InputMedia> media() {
        return Optional.ofNullable(media);
    }

    private static InputMedia withStream(InputMedia m, String line) {
        Matcher video = VIDEO.matcher(line);
        if (video.find() && m.videoCodec() == null) {
            Matcher size = SIZE.matcher(line);
            Matcher fps = FPS.matcher(line);
            boolean sized = size.find();
            return new InputMedia(video.group(1), sized ? Integer.valueOf(size.group(1)) : null,
                    sized ? Integer.valueOf(size.group(2)) : null, fps.find() ? Double.valueOf(fps.group(1)) : null,
                    m.audioCodec(), m.sampleRateHz(), m.audioChannels());
        }
        Matcher audio = AUDIO.matcher(line);
        if (audio.find() && m.audioCodec() == null) {
            return new InputMedia(m.videoCodec(), m.width(), m.height(), m.frameRate(), audio.group(1),
                    Integer.valueOf(audio.group(2)), audio.group(3).strip());
        }
        return m;
    }
}
