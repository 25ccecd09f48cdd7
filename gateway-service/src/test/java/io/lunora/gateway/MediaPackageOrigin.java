package io.lunora.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A MediaPackage (v1) HLS origin endpoint on a loopback HTTPS port: {@code /out/v1/{id}/index.m3u8}
 * with three variants numbered as MediaPackage numbers them (480p, 720p, 1080p: the height is only
 * in the master's {@code RESOLUTION}), their playlists {@code index_<n>.m3u8} and two tiny segments
 * each, {@code index_<n>_<seq>.ts}, all in one folder. Its certificate is made for this run by the
 * JDK's keytool (SAN 127.0.0.1); {@link #certificate()} is the PEM a client must trust. Records
 * every request with the headers that matter (Host, Authorization, Cookie) and its query.
 */
final class MediaPackageOrigin implements AutoCloseable {
    static final String ENDPOINT_ID = "6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b";
    static final String FOLDER = "/out/v1/" + ENDPOINT_ID + "/";
    static final String MASTER = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-INDEPENDENT-SEGMENTS
            #EXT-X-STREAM-INF:BANDWIDTH=1628000,AVERAGE-BANDWIDTH=1628000,RESOLUTION=854x480,FRAME-RATE=30.000,CODECS="avc1.4D401E,mp4a.40.2"
            index_1.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=3628000,AVERAGE-BANDWIDTH=3628000,RESOLUTION=1280x720,FRAME-RATE=30.000,CODECS="avc1.4D401F,mp4a.40.2"
            index_2.m3u8
            #EXT-X-STREAM-INF:BANDWIDTH=6628000,AVERAGE-BANDWIDTH=6628000,RESOLUTION=1920x1080,FRAME-RATE=30.000,CODECS="avc1.640028,mp4a.40.2"
            index_3.m3u8
            """;

    record Received(String path, String query, String host, String authorization, String cookie) {
    }

    private final HttpsServer server;
    private final Path certificate;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    MediaPackageOrigin() {
        try {
            Path dir = Files.createTempDirectory("mediapackage-origin");
            char[] password = UUID.randomUUID().toString().toCharArray();
            Path keyStore = dir.resolve("origin.p12");
            certificate = dir.resolve("origin.pem");
            keytool("-genkeypair", "-alias", "origin", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keyStore.toString(), "-storepass", new String(password));
            keytool("-exportcert", "-rfc", "-alias", "origin", "-keystore", keyStore.toString(),
                    "-storepass", new String(password), "-file", certificate.toString());
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls(keyStore, password)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        files.put(FOLDER + "index.m3u8", MASTER.getBytes(StandardCharsets.UTF_8));
        for (int variant = 1; variant <= 3; variant++) {
            files.put(FOLDER + "index_" + variant + ".m3u8", """
                    #EXTM3U
                    #EXT-X-VERSION:3
                    #EXT-X-TARGETDURATION:6
                    #EXT-X-MEDIA-SEQUENCE:1
                    #EXTINF:6.000,
                    index_%1$d_1.ts
                    #EXTINF:6.000,
                    index_%1$d_2.ts
                    """.formatted(variant).getBytes(StandardCharsets.UTF_8));
            for (int seq = 1; seq <= 2; seq++) {
                files.put(FOLDER + "index_" + variant + "_" + seq + ".ts", segment(variant, seq));
            }
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** A few MPEG-TS packets (sync byte 0x47), distinct per variant and sequence number. */
    static byte[] segment(int variant, int seq) {
        byte[] ts = new byte[188 * 2];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = i % 188 == 0 ? 0x47 : (byte) (variant * 16 + seq);
        }
        return ts;
    }

    String uri() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    Path certificate() {
        return certificate;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> paths() {
        return received.stream().map(Received::path).toList();
    }

    void clear() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            received.add(new Received(path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Cookie")));
            byte[] body = files.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type",
                    path.endsWith(".m3u8") ? "application/x-mpegURL" : "video/MP2T");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private static SSLContext tls(Path keyStore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** The JDK's keytool, waited for: a certificate for this run only, no key material in the repository. */
    private static void keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
