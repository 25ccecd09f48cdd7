package io.lunora.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps the local secret store's keys of every Spring application started in a test JVM out of the
 * user's home: unless a test names a key folder ({@code lunora.secrets.key-dir} or
 * {@code LUNORA_KEY_DIR}), the default ({@code ~/.config/lunora/keys}) is replaced by one
 * temporary folder per JVM, deleted when the JVM ends. Registered in {@code META-INF/spring.factories},
 * so it acts wherever test-support is on the class path, which is test scope only.
 */
public final class TestKeyFolder implements EnvironmentPostProcessor {
    static final String PROPERTY = "lunora.secrets.key-dir";
    private static final Path FOLDER = Path.of(System.getProperty("java.io.tmpdir"),
            "lunora-test-keys-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestKeyFolder::delete, "delete-test-keys"));
    }

    /** The key folder the tests of this JVM share (made by the store on first use). */
    public static Path folder() {
        return FOLDER;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY) || environment.containsProperty("LUNORA_KEY_DIR")) {
            return; // the test chose its folder
        }
        // last: any source the test adds later (a dynamic property, a command-line argument) still wins
        environment.getPropertySources().addLast(
                new MapPropertySource("lunoraTestKeyFolder", Map.of(PROPERTY, FOLDER.toString())));
    }

    private static void delete() {
        if (!Files.exists(FOLDER)) {
            return;
        }
        try (Stream<Path> files = Files.walk(FOLDER)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("test keys not deleted from " + FOLDER + ": " + e);
        }
    }
}
