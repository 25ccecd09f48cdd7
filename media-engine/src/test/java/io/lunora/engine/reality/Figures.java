package io.lunora.engine.reality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The figures a reality run measured (slate intervals, failover times, lag), one line each, in
 * {@code media-engine/target/reality-figures.txt} and on stdout: a failing assertion does not
 * lose them.
 */
final class Figures {
    private static final Path FILE = Path.of("target", "reality-figures.txt");

    private Figures() {
    }

    static synchronized void note(String format, Object... args) {
        String line = Instant.now() + " " + String.format(format, args);
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
