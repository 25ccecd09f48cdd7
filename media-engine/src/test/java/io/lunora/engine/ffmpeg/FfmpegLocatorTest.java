package io.lunora.engine.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.engine.testing.Media;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegLocatorTest {
    @TempDir
    Path folder;

    @Test
    void shouldFindTheBundledFfmpegAndFfprobeNextToTheirLibraries() {
        Ffmpeg ffmpeg = Media.ffmpeg();

        assertThat(ffmpeg.ffmpeg()).isExecutable();
        assertThat(ffmpeg.ffprobe()).isExecutable().hasFileName("ffprobe");
        assertThat(ffmpeg.environment().get("LD_LIBRARY_PATH")).startsWith(ffmpeg.ffmpeg().getParent().toString());
    }

    @Test
    void shouldNameTheMissingPulseLibraryAndHowToInstallIt() throws IOException {
        Path fake = script("ffmpeg", "echo 'ffmpeg: error while loading shared libraries: libpulse.so.0: "
                + "cannot open shared object file: No such file or directory' >&2; exit 127");

        assertThatThrownBy(() -> FfmpegLocator.locate(fake.toString()))
                .isInstanceOf(FfmpegUnavailableException.class)
                .hasMessageContaining("libpulse.so.0").hasMessageContaining("apt-get install -y libpulse0");
    }

    @Test
    void shouldRefuseAnFfmpegWithoutSrt() throws IOException {
        Path fake = script("ffmpeg", "echo 'Supported file protocols:'; echo 'Input:'; echo '  file'; echo '  rtmp';"
                + " echo 'Output:'; echo '  file'; echo '  rtmp'; echo '  rtmps'");

        assertThatThrownBy(() -> FfmpegLocator.locate(fake.toString()))
                .isInstanceOf(FfmpegUnavailableException.class).hasMessageContaining("lacks the srt protocol");
    }

    @Test
    void shouldRefuseAConfiguredPathThatIsNotExecutable() {
        assertThatThrownBy(() -> FfmpegLocator.locate(folder.resolve("missing").toString()))
                .isInstanceOf(FfmpegUnavailableException.class).hasMessageContaining("is not an executable file");
    }

    private Path script(String name, String body) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
