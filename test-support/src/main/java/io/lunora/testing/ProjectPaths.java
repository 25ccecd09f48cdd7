package io.lunora.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root from wherever a module's tests run. */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("tools"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (with mvnw) not found above " + Path.of("").toAbsolutePath());
    }
}
