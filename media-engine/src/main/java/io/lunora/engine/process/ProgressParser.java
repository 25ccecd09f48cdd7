package io.lunora.engine.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads FFmpeg's {@code -progress} output one line at a time: {@code key=value} lines that end
 * with {@code progress=continue} (or {@code end}) make one report. Other lines are not progress.
 */
public final class ProgressParser {
    private final Map<String, String> pending = new HashMap<>();

    /** True when the line is a progress line (it has been consumed). */
    public static boolean isProgressLine(String line) {
        int eq = line.indexOf('=');
        return eq > 0 && line.indexOf(' ') < 0 && line.chars().limit(eq).allMatch(c -> c == '_' || Character.isLetterOrDigit(c));
    }

    /** Feeds a progress line; returns a report when the line closes one. */
    public Optional<Progress> accept(String line) {
        int eq = line.indexOf('=');
        String key = line.substring(0, eq);
        String value = line.substring(eq + 1).trim();
        if (!"progress".equals(key)) {
            pending.put(key, value);
            return Optional.empty();
        }
        long totalSize = number(pending.get("total_size"));
        long outTimeMicros = number(pending.get("out_time_us"));
        double bitrate = decimal(strip(pending.get("bitrate"), "kbits/s"));
        if (bitrate <= 0 && totalSize > 0 && outTimeMicros > 0) {
            // FFmpeg said N/A (seen on the pushes of a vfr rendition): the average since the start
            bitrate = totalSize * 8_000.0 / outTimeMicros;
        }
        Progress progress = new Progress(number(pending.get("frame")), decimal(pending.get("fps")),
                bitrate, decimal(strip(pending.get("speed"), "x")),
                number(pending.get("drop_frames")), number(pending.get("dup_frames")), totalSize, outTimeMicros);
        pending.clear();
        return Optional.of(progress);
    }

    private static String strip(String value, String unit) {
        return value == null ? null : value.replace(unit, "").trim();
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static double decimal(String value) {
        try {
            return value == null ? 0 : Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
