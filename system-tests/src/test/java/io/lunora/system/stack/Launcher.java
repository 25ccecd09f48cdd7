package io.lunora.system.stack;

import io.lunora.testing.FreePorts;
import io.lunora.testing.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the real {@code ./lunora} script against its own {@code LUNORA_HOME} and free ports, with
 * the JDK of this test JVM. Every setting is passed explicitly so that a developer's
 * {@code lunora.env} cannot leak into the test.
 */
public final class Launcher {
    static final List<String> PORT_VARIABLES = List.of("LUNORA_DYNAMODB_PORT", "LUNORA_AUTH_PORT",
            "LUNORA_SOURCE_PORT", "LUNORA_DESTINATION_PORT", "LUNORA_PRESET_PORT", "LUNORA_STREAMING_PORT",
            "LUNORA_VIEWER_PORT", "LUNORA_ENGINE_PORT", "LUNORA_GATEWAY_PORT", "LUNORA_SMTP_PORT");

    /** The bootstrap admin's first password (temporary: the first sign-in replaces it). */
    public static final String ADMIN_PASSWORD = "Stack-Test-Admin-1";

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(200);

    private final Path home;
    private final Map<String, Integer> ports;
    private final Map<String, String> extraEnvironment;

    public Launcher(Path home) {
        this(home, Map.of());
    }

    /** @param extraEnvironment further settings for the stack's processes (e.g. {@code LUNORA_DESTINATION_ALLOWED_PRIVATE_HOSTS}) */
    public Launcher(Path home, Map<String, String> extraEnvironment) {
        this.home = home;
        this.ports = freePorts();
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    public record Result(int exitCode, String output) {
    }

    /**
     * Copies the stack's logs to {@code system-tests/target/stack-logs/} before the test's
     * temporary home is deleted: a red CI run keeps what every service said.
     */
    private void keepLogs() {
        Path logs = home.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Path kept = ProjectPaths.root().resolve("system-tests/target/stack-logs")
                .resolve(home.getFileName() + "-" + System.currentTimeMillis());
        try (var files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path log : files.filter(Files::isRegularFile).toList()) {
                Files.copy(log, kept.resolve(log.getFileName()));
            }
        } catch (IOException e) {
            System.err.println("stack logs not kept: " + e);
        }
    }

    public Path home() {
        return home;
    }

    public int port(String variable) {
        return ports.get(variable);
    }

    /** Runs {@code ./lunora <args>} with LUNORA_SERVICES set to the given processes. */
    public Result run(String services, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "./lunora"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(ProjectPaths.root().toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("LUNORA_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("LUNORA_HOME", home.toString());
        env.put("LUNORA_DATA_DIR", home.resolve("data").toString());
        env.put("LUNORA_KEY_DIR", home.resolve("keys").toString()); // this stack's own keys, not the user's
        env.put("LUNORA_SERVICES", services);
        env.put("LUNORA_START_TIMEOUT", "150");
        env.put("LUNORA_STOP_GRACE", "15");
        env.put("LUNORA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ports.forEach((variable, port) -> env.put(variable, String.valueOf(port)));
        env.putAll(extraEnvironment);
        try {
            Process process = builder.start();
            // the stack's processes write to their own logs, so this stream ends with the script
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./lunora " + String.join(" ", args) + " did not end within "
                        + COMMAND_TIMEOUT + ":\n" + output.getNow("(no output)"));
            }
            Result result = new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
            if (args.length > 0 && args[0].equals("down")) {
                keepLogs();
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the output of ./lunora " + String.join(" ", args) + " did not end", e);
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> freePorts() {
        Set<Integer> distinct = new LinkedHashSet<>();
        while (distinct.size() < PORT_VARIABLES.size()) {
            distinct.add(FreePorts.next());
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        var it = distinct.iterator();
        PORT_VARIABLES.forEach(variable -> ports.put(variable, it.next()));
        return ports;
    }
}
