package io.lunora.system.aws;

import static org.awaitility.Awaitility.await;

import io.lunora.testing.ProjectPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The relay as the services stack runs it: media-engine's runnable jar in its own JVM (the test
 * classpath holds every service, whose auto-configurations would not let the engine start in
 * process), its output in a log file. Its FFmpeg children are read from the process tree.
 */
final class RelayProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private RelayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static RelayProcess start(int port, Path log, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", execJar().toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RelayProcess relay = new RelayProcess(process, port, log);
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> !process.isAlive() || relay.answers());
            } catch (RuntimeException tooSlow) {
                relay.close(); // no test will close a relay it never got: no JVM left behind
                throw tooSlow;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the relay did not start: " + Files.readString(log));
            }
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** The relay's FFmpeg processes (listeners and pushers), children or deeper. */
    List<Long> ffmpegPids() {
        return process.descendants().filter(p -> p.info().command().orElse("").contains("ffmpeg"))
                .map(ProcessHandle::pid).toList();
    }

    private boolean answers() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path execJar() {
        Path target = ProjectPaths.root().resolve("media-engine/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("media-engine-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build media-engine first: no exec jar in " + target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops as ECS stops a task (SIGTERM: the engine ends its FFmpegs), then makes sure nothing is left. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
