package io.lunora.engine.reality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer's process that is started again 200 ms after it ends (an encoder in the field calls
 * again while the listener refuses it), until it is killed. Its output goes to a log file.
 */
final class RedialingProcess implements AutoCloseable {
    private final ProcessBuilder builder;
    private final Thread redialer;
    private volatile Process process;
    private volatile boolean killed;

    RedialingProcess(String name, List<String> command, Path log) {
        this.builder = new ProcessBuilder(inPeerNamespace(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        this.process = start();
        this.redialer = Thread.ofVirtual().name(name + "-redial").start(this::redial);
    }

    /**
     * The command, run inside the network namespace named by {@code -Dreality.peer-netns} when
     * there is one (the soak benchmark puts the encoders behind a netem link there).
     */
    private static List<String> inPeerNamespace(List<String> command) {
        String namespace = System.getProperty("reality.peer-netns", "");
        if (namespace.isBlank()) {
            return command;
        }
        List<String> wrapped = new java.util.ArrayList<>(List.of("ip", "netns", "exec", namespace));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The engine's address as the peers reach it: {@code -Dreality.engine-host}, loopback by default. */
    static String engineHost() {
        return System.getProperty("reality.engine-host", "127.0.0.1");
    }

    private Process start() {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void redial() {
        try {
            while (!killed) {
                process.waitFor();
                Thread.sleep(200);
                synchronized (this) {
                    if (!killed) {
                        process = start();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, like a crashed encoder or a pulled cable: no goodbye, and no call again. */
    void kill() {
        synchronized (this) {
            killed = true;
        }
        redialer.interrupt();
        process.destroyForcibly();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("pid " + process.pid() + " survived SIGKILL for 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
