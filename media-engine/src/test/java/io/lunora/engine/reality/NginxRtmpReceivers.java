package io.lunora.engine.reality;

import io.lunora.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * RTMP receivers this project did not write: one nginx with Debian's RTMP module
 * ({@code libnginx-mod-rtmp}), in the foreground with its own prefix folder, taking any number of
 * publishers on application {@code live} and recording each stream key into {@code KEY.flv}
 * (appended, so that a second connection on the same key would not hide the first one's
 * recording). Every publish is logged ({@code publish: name='KEY'} at info level), which is how a
 * test counts the connections per destination.
 */
public final class NginxRtmpReceivers implements AutoCloseable {
    static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");
    private final Process process;
    private final Path prefix;
    private final int port;

    private NginxRtmpReceivers(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    public static NginxRtmpReceivers start(Path prefix) {
        int port = FreePorts.next();
        try {
            Files.createDirectories(prefix.resolve("recordings"));
            Files.createDirectories(prefix.resolve("logs"));
            Files.writeString(prefix.resolve("nginx.conf"), """
                    daemon off;
                    master_process off;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log info;
                    load_module %2$s;
                    events { worker_connections 256; }
                    rtmp {
                      access_log %1$s/access.log;
                      server {
                        listen 127.0.0.1:%3$d;
                        application live {
                          live on;
                          record all;
                          record_path %1$s/recordings;
                          record_unique off;
                          record_append on;
                        }
                      }
                    }
                    """.formatted(prefix, MODULE, port));
            Process process = new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf")
                    .toString(), "-e", prefix.resolve("error.log").toString()).redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("stdout.log").toFile()).start();
            NginxRtmpReceivers receivers = new NginxRtmpReceivers(process, prefix, port);
            receivers.awaitListening();
            return receivers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx ended at start: " + read(prefix.resolve("error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + port + " within 10 s");
    }

    /** The publish URL's base: add {@code /KEY}. */
    public String url() {
        return "rtmp://127.0.0.1:" + port + "/live";
    }

    public Path recording(String key) {
        return prefix.resolve("recordings").resolve(key + ".flv");
    }

    /** How many times a publisher started on this key since nginx started. */
    public int publishes(String key) {
        return (int) Pattern.compile("publish: name='" + Pattern.quote(key) + "'").matcher(read(prefix.resolve("error.log")))
                .results().count();
    }

    /** SIGTERM: nginx closes its recordings and ends; SIGKILL after 5 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
