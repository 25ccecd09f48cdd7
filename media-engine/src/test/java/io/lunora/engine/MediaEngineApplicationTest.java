package io.lunora.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.testing.Media;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

class MediaEngineApplicationTest {
    @TempDir
    Path data;

    @Test
    void shouldEndFfmpegChildrenLeftByAKilledEngineWhenItStarts() throws IOException {
        Ffmpeg ffmpeg = Media.ffmpeg();
        Process orphan = ffmpeg.processBuilder(ffmpeg.command(List.of("-nostdin", "-loglevel", "error", "-re", "-f",
                "lavfi", "-i", "testsrc2=size=160x90:rate=5", "-f", "null", "-"))).start();
        try {
            // the line the pool writes for a child it starts, left behind by an engine that was killed
            Files.writeString(data.resolve("children.pids"), orphan.pid() + " "
                    + orphan.info().startInstant().orElseThrow().toEpochMilli() + " " + ffmpeg.ffmpeg());

            try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(MediaEngineApplication.class)
                    .run("--server.port=0", "--lunora.engine.data-dir=" + data,
                            "--lunora.security.jwk-set-uri=http://127.0.0.1:9/jwks")) {
                assertThat(orphan.isAlive()).isFalse();
                assertThat(engine.getBean(ChildPool.class).pids()).isEmpty();
                assertThat(engine.getBean(Ffmpeg.class).ffmpeg()).isEqualTo(ffmpeg.ffmpeg());
            }
        } finally {
            orphan.destroyForcibly();
        }
    }
}
