package io.lunora.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * DynamoDB Local as a real child process, in memory, on a free loopback port: the same server and
 * the same jars the launcher runs (built into {@code tools/dynamodb-local/target}). One per test
 * JVM; it is ended when the JVM exits.
 */
public final class DynamoDbLocal {
    private static DynamoDbLocal shared;

    private final Process process;
    private final int port;

    private DynamoDbLocal(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The JVM-wide instance, started on first use. */
    public static synchronized DynamoDbLocal shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            DynamoDbLocal started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return shared;
    }

    public static DynamoDbLocal start() {
        Path runtime = ProjectPaths.root().resolve("tools/dynamodb-local/target");
        if (!Files.isDirectory(runtime.resolve("lib"))) {
            throw new IllegalStateException("DynamoDB Local is not built: run ./mvnw -pl tools/dynamodb-local package");
        }
        int port = FreePorts.next();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process process = new ProcessBuilder(List.of(java.toString(),
                    "-Xmx256m", "-Djava.library.path=" + runtime.resolve("native"),
                    "-cp", runtime.resolve("lib") + "/*",
                    mainClass(),
                    "-inMemory", "-sharedDb", "-port", String.valueOf(port)))
                    // it writes a metadata file into its working directory: keep that out of the tree
                    .directory(Files.createTempDirectory("dynamodb-local").toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            DynamoDbLocal db = new DynamoDbLocal(process, port);
            db.awaitReady(Duration.ofSeconds(30));
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's runner (127.0.0.1 only); the stock one, on every interface, in a tree without it. */
    private static String mainClass() {
        Path loopback = ProjectPaths.root().resolve("tools/dynamodb-local/src/LoopbackServerRunner.java");
        return Files.isRegularFile(loopback) ? loopback.toString()
                : "com.amazonaws.services.dynamodbv2.local.main.ServerRunner";
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("DynamoDB Local exited with " + process.exitValue());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint()).toURL().openConnection();
                c.setConnectTimeout(500);
                c.getResponseCode(); // any HTTP answer means it listens
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        stop();
        throw new IllegalStateException("DynamoDB Local did not answer within " + timeout);
    }
}
