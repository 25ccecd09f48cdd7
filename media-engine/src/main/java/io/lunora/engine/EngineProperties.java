package io.lunora.engine;

import io.lunora.engine.program.SwitcherSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The engine's settings, validated once at load with defaults filled in.
 *
 * @param ffmpegPath         an FFmpeg executable to use instead of the one shipped in the Maven artifact
 * @param dataDir            the engine's folder (pid file, HLS, recordings)
 * @param stopGrace          how long a child has to quit after SIGTERM before it is killed
 * @param maxChannels        channels that may run at once; each needs its own SRT ports and CPU
 * @param outputMaxAttempts  failed pushes in a row before an output is FAILED
 * @param slateAfter         how long the input on air may have nothing left to play (judged on its own
 *                           clock, after the jitter buffer) before the slate goes on air; at most half the
 *                           failover threshold
 * @param restoreAfter       how long a lost input must play steadily before it replaces the slate
 * @param jitterBuffer       how long an input's packets wait to be played on its own clock (PCR): absorbs
 *                           the bursts of encoders on busy machines and of muxers that write in chunks
 * @param relay              the SRT listeners of relay mode (renditions encoded elsewhere, e.g. by MediaLive)
 * @param thumbnail          the live thumbnail written next to the HLS playlists
 * @param commandDeadline    how long an API call waits for its organization's commands (queued in
 *                           order) before it answers 503 "Engine busy" with Retry-After; the command still
 *                           finishes. Default: the stop deadline plus 3 s of queue
 */
@ConfigurationProperties(prefix = "lunora.engine")
public record EngineProperties(String ffmpegPath, Path dataDir, Duration stopGrace, Integer maxChannels,
        Integer outputMaxAttempts, Duration slateAfter, Duration restoreAfter, Duration jitterBuffer, Slate slate, Hls hls, Recording recording, Relay relay,
        Thumbnail thumbnail, Duration commandDeadline) {
    public EngineProperties {
        ffmpegPath = ffmpegPath == null || ffmpegPath.isBlank() ? null : ffmpegPath;
        dataDir = dataDir == null ? Path.of(".lunora", "data", "engine") : dataDir;
        stopGrace = stopGrace == null ? Duration.ofSeconds(2) : stopGrace;
        maxChannels = maxChannels == null ? 1 : maxChannels;
        outputMaxAttempts = outputMaxAttempts == null ? 10 : outputMaxAttempts;
        slateAfter = slateAfter == null ? SwitcherSettings.DEFAULT_SLATE_AFTER : slateAfter;
        restoreAfter = restoreAfter == null ? SwitcherSettings.DEFAULT_RESTORE_AFTER : restoreAfter;
        jitterBuffer = jitterBuffer == null ? Duration.ofMillis(350) : jitterBuffer;
        slate = slate == null ? new Slate(null, null, null) : slate;
        hls = hls == null ? new Hls(null, null, null, null, null, null) : hls;
        recording = recording == null ? new Recording(null) : recording;
        relay = relay == null ? new Relay(null, null) : relay;
        thumbnail = thumbnail == null ? new Thumbnail(null, null) : thumbnail;
        commandDeadline = commandDeadline == null ? stopGrace.plusSeconds(3 + 3) : commandDeadline;
        if (maxChannels < 1 || outputMaxAttempts < 1) {
            throw new IllegalArgumentException("lunora.engine.max-channels and output-max-attempts must be at least 1");
        }
    }

    /** How long stopping a channel may take: every part's grace period (they stop at once), a kill, a margin. */
    public Duration stopDeadline() {
        return stopGrace.plusSeconds(3);
    }

    /** The "signal lost" picture; renditions scale it to their own size. */
    public record Slate(Integer width, Integer height, Integer frameRate) {
        public Slate {
            width = width == null ? 1280 : width;
            height = height == null ? 720 : height;
            frameRate = frameRate == null ? 30 : frameRate;
        }
    }

    /**
     * The platform player's HLS ladder, encoded from the program while a channel runs.
     *
     * @param segmentSeconds target segment length (also the keyframe interval)
     * @param listSize       segments kept in each media playlist
     * @param niceness       the HLS FFmpeg's nice value (0 to 19): on a machine short of CPU the
     *                       destinations' encoders, which platforms disconnect when they starve, get
     *                       the cores first; the ladder skips to its live edge like any late reader
     */
    public record Hls(Boolean enabled, Integer segmentSeconds, Integer listSize, Integer frameRate, List<Rung> ladder,
            Integer niceness) {
        public Hls {
            enabled = enabled == null || enabled;
            segmentSeconds = segmentSeconds == null ? 2 : segmentSeconds;
            listSize = listSize == null ? 6 : listSize;
            frameRate = frameRate == null ? 30 : frameRate;
            ladder = ladder == null || ladder.isEmpty()
                    ? List.of(new Rung(1080, 5000, 128), new Rung(720, 2800, 128), new Rung(480, 1200, 96))
                    : List.copyOf(ladder);
            niceness = niceness == null ? 5 : niceness;
            if (niceness < 0 || niceness > 19) {
                throw new IllegalArgumentException("lunora.engine.hls.niceness must be 0 to 19");
            }
        }
    }

    /** One variant of the ladder: its height (width follows the program's aspect) and bitrates. */
    public record Rung(int height, int videoKbps, int audioKbps) {
        public String name() {
            return height + "p";
        }
    }

    /** @param segmentSeconds length of each recorded file (cut at the next keyframe after it) */
    public record Recording(Integer segmentSeconds) {
        public Recording {
            segmentSeconds = segmentSeconds == null ? 300 : segmentSeconds;
        }
    }

    /**
     * Relay mode's rendition listeners.
     *
     * @param ports       the UDP ports the listeners take, {@code first-last} (or one port)
     * @param bindAddress where they listen; 0.0.0.0 for every interface
     */
    public record Relay(String ports, String bindAddress) {
        public Relay {
            ports = ports == null || ports.isBlank() ? "10000-10015" : ports.strip();
            bindAddress = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress.strip();
            if (!ports.matches("\\d{1,5}(-\\d{1,5})?") || firstPort(ports) < 1024 || lastPort(ports) > 65535
                    || firstPort(ports) > lastPort(ports)) {
                throw new IllegalArgumentException("lunora.engine.relay.ports must be PORT or FIRST-LAST within 1024-65535");
            }
        }

        public int firstPort() {
            return firstPort(ports);
        }

        public int lastPort() {
            return lastPort(ports);
        }

        private static int firstPort(String ports) {
            return Integer.parseInt(ports.split("-")[0]);
        }

        private static int lastPort(String ports) {
            String[] bounds = ports.split("-");
            return Integer.parseInt(bounds[bounds.length - 1]);
        }
    }

    /**
     * The live thumbnail of the program, {@code thumbnail.jpg} beside the HLS playlists.
     *
     * @param interval time between two pictures (at least a second)
     * @param width    the picture's width (a multiple of 32, so that the 16:9 height is even)
     */
    public record Thumbnail(Duration interval, Integer width) {
        public Thumbnail {
            interval = interval == null ? Duration.ofSeconds(10) : interval;
            width = width == null ? 640 : width;
            if (interval.compareTo(Duration.ofSeconds(1)) < 0 || width < 32 || width % 32 != 0) {
                throw new IllegalArgumentException(
                        "lunora.engine.thumbnail.interval must be at least 1s and width a multiple of 32");
            }
        }

        public int height() {
            return width * 9 / 16;
        }
    }
}
