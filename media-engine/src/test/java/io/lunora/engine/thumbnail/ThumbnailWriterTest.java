package io.lunora.engine.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import io.lunora.engine.EngineProperties;
import io.lunora.engine.testing.Media;
import io.lunora.engine.testing.ProgramChain;
import io.lunora.engine.testing.TestSource;
import io.lunora.model.media.SwitchEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailWriterTest {
    @TempDir
    Path data;

    @Test
    void shouldWriteAWholeJpegOfTheProgramAndRefreshItUntilStoppedLeavingNoChildAndNoFile() throws IOException {
        try (ProgramChain chain = new ProgramChain(data); TestSource source = TestSource.call(chain.port, "320x180", 25,
                null)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> SwitchEvent.PRIMARY.equals(chain.switcher.onAir()));
            List<Long> feeding = chain.pool.pids();
            ThumbnailWriter writer = ThumbnailWriter.ofProgram("org-thumb", data.resolve("hls").resolve("org-thumb"),
                    new EngineProperties.Thumbnail(Duration.ofSeconds(1), 640), Media.ffmpeg(), chain.pool, chain.bus);
            writer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> chain.pool.pids().size() > feeding.size());
            long thumbnailPid = chain.pool.pids().stream().filter(p -> !feeding.contains(p))
                    .findFirst().orElseThrow();

            BufferedImage first = await().atMost(Duration.ofSeconds(30)).until(() -> picture(writer.file()),
                    image -> image != null);
            assertThat(writer.file()).isEqualTo(data.resolve("hls").resolve("org-thumb").resolve("thumbnail.jpg"));
            assertThat(first.getWidth()).isEqualTo(640);
            assertThat(first.getHeight()).isEqualTo(360);
            // testsrc2 moves: a later picture of the program differs from the first
            AtomicReference<BufferedImage> later = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                BufferedImage now = picture(writer.file());
                later.set(now);
                return now != null && !samePixels(first, now);
            });
            assertThat(later.get().getWidth()).isEqualTo(640);

            writer.close();

            assertThat(ProcessHandle.of(thumbnailPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(chain.pool.pids()).doesNotContain(thumbnailPid);
            assertThat(writer.file()).doesNotExist();
        }
    }

    @Test
    void shouldRefuseAnIntervalUnderOneSecondAndAWidthWithoutAnEvenHeight() {
        assertThat(new EngineProperties.Thumbnail(null, null)).extracting(EngineProperties.Thumbnail::interval,
                EngineProperties.Thumbnail::width, EngineProperties.Thumbnail::height)
                .containsExactly(Duration.ofSeconds(10), 640, 360);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EngineProperties.Thumbnail(Duration.ofMillis(500), 640));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new EngineProperties.Thumbnail(Duration.ofSeconds(10), 650));
    }

    /** Every read must decode whole: a reader never meets a half-written picture. */
    private static BufferedImage picture(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException notYet) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("a complete JPEG (%d bytes)", bytes.length).isNotNull();
            assertThat(bytes).endsWith((byte) 0xFF, (byte) 0xD9);
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("a half-written JPEG", e);
        }
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        return Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }
}
