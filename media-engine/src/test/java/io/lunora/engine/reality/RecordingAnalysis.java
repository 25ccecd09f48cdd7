package io.lunora.engine.reality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What a receiver recorded, read with Debian's FFmpeg: every video frame's timestamp (the FLV's
 * own, {@code -copyts}) and {@link Picture}. From it: the slate's intervals, the largest gap
 * between frames, and when one source's picture gave way to another's.
 */
public final class RecordingAnalysis {
    /** One decoded frame. */
    public record Frame(long timestampMs, Picture picture) {
    }

    /** A run of consecutive slate frames, from the first one's timestamp to the last one's. */
    public record Interval(long fromMs, long toMs) {
        public long millis() {
            return toMs - fromMs;
        }

        @Override
        public String toString() {
            return String.format("%.2f–%.2f s", fromMs / 1000.0, toMs / 1000.0);
        }
    }

    private final List<Frame> frames;

    private RecordingAnalysis(List<Frame> frames) {
        this.frames = frames;
    }

    public static RecordingAnalysis of(List<Frame> frames) {
        return new RecordingAnalysis(List.copyOf(frames));
    }

    /** Decodes the recording (also one still being written: what is there now). */
    public static RecordingAnalysis read(Path recording) {
        return read(recording, 0);
    }

    /**
     * Decodes the recording from about {@code fromMs} on (FFmpeg seeks by demuxing, which is cheap;
     * decoding 720p is what costs on a busy machine). A second or so before it may be included.
     */
    public static RecordingAnalysis read(Path recording, long fromMs) {
        return read(recording, fromMs, Long.MAX_VALUE);
    }

    /** Decodes about [fromMs, toMs] of the recording (a second more on each side at most, then {@link #between}). */
    public static RecordingAnalysis read(Path recording, long fromMs, long toMs) {
        try {
            Path stats = Files.createTempFile("signalstats", ".txt");
            try {
                List<String> command = new ArrayList<>(List.of(DebianFfmpegEncoder.BINARY, "-hide_banner", "-nostdin",
                        "-loglevel", "error", "-copyts", "-ss", String.format(Locale.ROOT, "%.3f",
                                Math.max(0, fromMs - 1000) / 1000.0), "-i", recording.toString(), "-an"));
                if (Boolean.getBoolean("reality.fast-decode")) {
                    // the soak decodes many minutes: skip the non-reference frames (B-frames), ±1 frame on every time
                    command.addAll(command.indexOf("-i"), List.of("-skip_frame", "noref"));
                }
                if (toMs != Long.MAX_VALUE) {
                    command.addAll(List.of("-frames:v", Long.toString((toMs - Math.max(0, fromMs - 1000)) / 30 + 60)));
                }
                command.addAll(List.of("-vf", "crop=iw/10:ih*4/9:0:0,scale=16:40,signalstats,metadata=mode=print:file="
                        + stats, "-f", "null", "-"));
                Process ffmpeg = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    if (!ffmpeg.waitFor(180, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("decoding " + recording + " took over 180 s");
                    }
                } finally {
                    ffmpeg.destroyForcibly();
                }
                return of(parse(Files.readAllLines(stats)));
            } finally {
                Files.deleteIfExists(stats);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The metadata filter's lines: {@code frame:N pts:P pts_time:T} then {@code lavfi.signalstats.KEY=VALUE}. */
    static List<Frame> parse(List<String> lines) {
        List<Frame> frames = new ArrayList<>();
        Map<String, Double> values = new HashMap<>();
        Double time = null;
        for (String line : lines) {
            if (line.startsWith("frame:")) {
                if (time != null) {
                    frames.add(frame(time, values));
                }
                values.clear();
                time = Double.parseDouble(line.substring(line.indexOf("pts_time:") + 9).trim());
            } else if (line.startsWith("lavfi.signalstats.")) {
                int equals = line.indexOf('=');
                values.put(line.substring(18, equals), Double.parseDouble(line.substring(equals + 1)));
            }
        }
        if (time != null) {
            frames.add(frame(time, values));
        }
        return frames;
    }

    private static Frame frame(double time, Map<String, Double> v) {
        return new Frame(Math.round(time * 1000), Picture.of(v.getOrDefault("YLOW", 0.0), v.getOrDefault("YHIGH", 0.0),
                v.getOrDefault("YAVG", 0.0), v.getOrDefault("UAVG", 0.0), v.getOrDefault("VAVG", 0.0)));
    }

    public List<Frame> frames() {
        return frames;
    }

    public long durationMs() {
        return frames.isEmpty() ? 0 : frames.getLast().timestampMs() - frames.getFirst().timestampMs();
    }

    public Map<Picture, Long> counts() {
        return frames.stream().collect(Collectors.groupingBy(Frame::picture, Collectors.counting()));
    }

    /** The frames whose timestamps are within [fromMs, toMs]. */
    public RecordingAnalysis between(long fromMs, long toMs) {
        return of(frames.stream().filter(f -> f.timestampMs() >= fromMs && f.timestampMs() <= toMs).toList());
    }

    public List<Interval> slateIntervals() {
        List<Interval> intervals = new ArrayList<>();
        Long from = null;
        long last = 0;
        for (Frame frame : frames) {
            if (frame.picture() == Picture.SLATE) {
                if (from == null) {
                    from = frame.timestampMs();
                }
                last = frame.timestampMs();
            } else if (from != null) {
                intervals.add(new Interval(from, last));
                from = null;
            }
        }
        if (from != null) {
            intervals.add(new Interval(from, last));
        }
        return intervals;
    }

    /**
     * The slate intervals with the same source on both sides: the engine cut to the slate and back
     * to the source it left, so the source was never really lost (a false "signal lost").
     */
    public List<Interval> slateFlaps() {
        List<Interval> flaps = new ArrayList<>();
        for (Interval slate : slateIntervals()) {
            Optional<Frame> before = frames.reversed().stream()
                    .filter(f -> f.timestampMs() < slate.fromMs() && f.picture() != Picture.UNKNOWN).findFirst();
            Optional<Frame> after = frames.stream()
                    .filter(f -> f.timestampMs() > slate.toMs() && f.picture() != Picture.UNKNOWN).findFirst();
            if (before.isPresent() && after.isPresent() && before.get().picture() == after.get().picture()) {
                flaps.add(slate);
            }
        }
        return flaps;
    }

    /** Every switch from {@code from} to {@code to} (through the slate or not), in order. */
    public List<Switch> switches(Picture from, Picture to) {
        List<Switch> switches = new ArrayList<>();
        Frame lastFrom = null;
        Frame firstSlate = null;
        for (Frame frame : frames) {
            if (frame.picture() == from) {
                lastFrom = frame;
                firstSlate = null;
            } else if (frame.picture() == Picture.SLATE && lastFrom != null && firstSlate == null) {
                firstSlate = frame;
            } else if (frame.picture() == to && lastFrom != null) {
                switches.add(new Switch(lastFrom.timestampMs(), firstSlate == null ? null : firstSlate.timestampMs(),
                        frame.timestampMs()));
                lastFrom = null;
                firstSlate = null;
            } else if (frame.picture() != Picture.UNKNOWN && frame.picture() != Picture.SLATE) {
                lastFrom = null;
            }
        }
        return switches;
    }

    /** The largest step between consecutive frames' timestamps. */
    public long largestGapMs() {
        return largestGapAt() < 0 ? 0 : frames.get(largestGapAt()).timestampMs() - frames.get(largestGapAt() - 1).timestampMs();
    }

    /** The index of the frame after the largest gap, or -1 with fewer than two frames. */
    private int largestGapAt() {
        int at = -1;
        long largest = -1;
        for (int i = 1; i < frames.size(); i++) {
            long gap = frames.get(i).timestampMs() - frames.get(i - 1).timestampMs();
            if (gap > largest) {
                largest = gap;
                at = i;
            }
        }
        return at;
    }

    /** The last frame showing {@code picture} at or before {@code timestampMs}. */
    public Optional<Frame> lastBefore(Picture picture, long timestampMs) {
        return frames.reversed().stream().filter(f -> f.picture() == picture && f.timestampMs() <= timestampMs)
                .findFirst();
    }

    /** The first frame showing {@code picture} at or after {@code timestampMs}. */
    public Optional<Frame> firstAfter(Picture picture, long timestampMs) {
        return frames.stream().filter(f -> f.picture() == picture && f.timestampMs() >= timestampMs).findFirst();
    }

    /**
     * One switch away from {@code from}, read in the recording: its last frame before the switch,
     * the first slate frame after it (if any came before {@code to}'s picture), and {@code to}'s
     * first frame. The times between them are real time at the engine: it stamps its program with
     * the wall clock.
     */
    public record Switch(long lastFromMs, Long firstSlateMs, Long firstToMs) {
        public Long slateAfterMs() {
            return firstSlateMs == null ? null : firstSlateMs - lastFromMs;
        }

        public Long toAfterMs() {
            return firstToMs == null ? null : firstToMs - lastFromMs;
        }
    }

    /**
     * The switch from {@code from} to {@code to} happening after {@code afterMs} (the last
     * {@code from} frame there); empty when there is no {@code from} frame before it at all.
     */
    public Optional<Switch> switchAfter(Picture from, Picture to, long afterMs) {
        Frame firstTo = firstAfter(to, afterMs).orElse(null);
        long horizon = firstTo == null ? Long.MAX_VALUE : firstTo.timestampMs();
        return lastBefore(from, horizon).map(lastFrom -> {
            Frame firstSlate = firstAfter(Picture.SLATE, lastFrom.timestampMs()).filter(f -> f.timestampMs() < horizon)
                    .orElse(null);
            return new Switch(lastFrom.timestampMs(), firstSlate == null ? null : firstSlate.timestampMs(),
                    firstTo == null ? null : firstTo.timestampMs());
        });
    }

    @Override
    public String toString() {
        return frames.size() + " frames over " + durationMs() + " ms " + counts() + ", slate " + slateIntervals()
                + ", largest gap " + largestGapMs() + " ms"
                + (largestGapAt() < 0 ? "" : " before " + frames.get(largestGapAt()).timestampMs() + " ms");
    }
}
