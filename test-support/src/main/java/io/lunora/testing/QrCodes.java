package io.lunora.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads a QR code the way a phone's camera would, with a decoder this project did not write:
 * Debian's {@code zbarimg} (package zbar-tools, installed by {@code .ci/run}).
 */
public final class QrCodes {
    private QrCodes() {
    }

    /** The text of the QR code in a PNG picture; fails the test when zbarimg finds none. */
    public static String read(byte[] png) throws IOException, InterruptedException {
        Path file = Files.createTempFile("qr", ".png");
        try {
            Files.write(file, png);
            // zbarimg's stderr only complains about the missing D-Bus of a headless machine
            Process zbar = new ProcessBuilder("zbarimg", "--quiet", "--raw", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!zbar.waitFor(20, TimeUnit.SECONDS)) {
                zbar.destroyForcibly();
                throw new AssertionError("zbarimg did not finish within 20 s");
            }
            String text = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (zbar.exitValue() != 0) {
                throw new AssertionError("zbarimg found no QR code (exit " + zbar.exitValue() + ")");
            }
            return text;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
