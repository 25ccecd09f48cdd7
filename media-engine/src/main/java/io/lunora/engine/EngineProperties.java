package io.lunora.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The engine's settings, validated once at load with defaults filled in.
 *
 * @param ffmpegPath an FFmpeg executable to use instead of the one shipped in the Maven artifact
 * @param dataDir    the engine's folder (pid file, HLS, recordings)
 * @param stopGrace  how long a child has to quit after {@code q} before it is killed
 */
@ConfigurationProperties(prefix = "lunora.engine")
public record EngineProperties(String ffmpegPath, Path dataDir, Duration stopGrace) {
    public EngineProperties {
        ffmpegPath = ffmpegPath == null || ffmpegPath.isBlank() ? null : ffmpegPath;
        dataDir = dataDir == null ? Path.of(".lunora", "data", "engine") : dataDir;
        stopGrace = stopGrace == null ? Duration.ofSeconds(3) : stopGrace;
    }
}
