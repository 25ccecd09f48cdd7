import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The viewer load benchmark (run by bench/viewer-load.sh against a stack it started on loopback):
 * <ol>
 * <li>{@code GET /api/streams/live} through the gateway from N concurrent anonymous clients in a
 * closed loop for a fixed time: requests/s, p50/p99 latency, status counts. The gateway limits
 * each caller (client address for anonymous calls); every client connects from its own loopback
 * address (127.0.0.2, 127.0.0.3, ...), so each is a distinct caller under the shipped limits.</li>
 * <li>Chat fan-out: M open SSE connections to {@code /api/social/chat/{stream}/events} through the
 * gateway (spread over signed-in viewers), one viewer posts K messages; each carries its send time,
 * each connection records its arrival: delivery latency p50/p99/max over all M x K deliveries.</li>
 * </ol>
 * Java 21+ single-file program, no dependencies: {@code java bench/ViewerLoad.java}.
 */
public class ViewerLoad {
    static final Pattern CODE = Pattern.compile("Verification code: (\\d{6})");
    static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern SENT = Pattern.compile("bench (\\d+) (\\d+)");
    static final String PASSWORD = "Benchmark42";

    final String gateway;
    final String auth;
    final Path dataDir;
    final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ViewerLoad(String gateway, String auth, Path dataDir) {
        this.gateway = gateway;
        this.auth = auth;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        ViewerLoad bench = new ViewerLoad(a.get("gateway"), a.get("auth"), Path.of(a.get("data-dir")));
        int clients = Integer.parseInt(a.getOrDefault("clients", "200"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "30"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "500"));
        int viewers = Integer.parseInt(a.getOrDefault("viewers", "25"));
        int messages = Integer.parseInt(a.getOrDefault("messages", "20"));

        List<String> streams = bench.seedLiveStreams(20);
        System.out.printf("seeded %d live catalog entries%n", streams.size());
        bench.liveListLoad(clients, 5, false);
        bench.liveListLoad(clients, seconds, true);
        bench.chatFanOut(streams.getFirst(), connections, viewers, messages);
    }

    // ------------------------------------------------------------------ seeding

    /** Live catalog entries as streaming-control creates them: POST /internal/catalog/sessions with its own client's token
     *  (lunora-streaming-control, scope catalog.sessions). */
    List<String> seedLiveStreams(int count) throws Exception {
        String secret = Files.readString(dataDir.resolve("streaming-control-client-secret")).strip();
        HttpResponse<String> token = plain.send(HttpRequest.newBuilder(URI.create(auth + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("lunora-streaming-control:" + secret).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=catalog.sessions")).build(),
                HttpResponse.BodyHandlers.ofString());
        String serviceToken = match(TOKEN, token.body(), "service token: " + token.statusCode());
        String viewerService = System.getenv().getOrDefault("BENCH_VIEWER_URL", "http://127.0.0.1:8085");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "bench-live-" + i;
            HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create(viewerService + "/internal/catalog/sessions"))
                    .header("Authorization", "Bearer " + serviceToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"stream_id":"%s","session_id":"bench-session-%d","organization_id":"bench","creator_id":"bench",
                             "is_live":true,"hls_url":"/hls/bench/master.m3u8","started_at":"2025-01-01T00:00:00Z",
                             "catalog":{"title":"Benchmark stream %d"}}""".formatted(id, i, i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("seeding " + id + ": " + r.statusCode() + " " + r.body());
            }
            ids.add(id);
        }
        return ids;
    }

    // ------------------------------------------------------------------ /api/streams/live

    void liveListLoad(int clients, int seconds, boolean report) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        URI uri = URI.create(gateway + "/api/streams/live?size=20");
        CountDownLatch done = new CountDownLatch(clients);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                InetAddress source = InetAddress.getByAddress(new byte[] {127, 0, (byte) ((c + 2) / 250), (byte) ((c + 2) % 250 + 1)});
                threads.submit(() -> {
                    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(source)
                            .connectTimeout(Duration.ofSeconds(5)).build()) {
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
                        while (System.nanoTime() < end) {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                                long t = System.nanoTime() - t0;
                                statuses.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
                                if (r.statusCode() == 200) {
                                    latencies.add(t);
                                }
                            } catch (IOException e) {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                    return null;
                });
            }
            done.await();
        }
        if (report) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("GET /api/streams/live: %d clients, %d s: %d ok (%.0f req/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms; statuses %s; I/O errors %d%n",
                    clients, seconds, sorted.size(), sorted.size() / (double) seconds, ms(pct(sorted, 50)), ms(pct(sorted, 99)),
                    ms(sorted.isEmpty() ? 0 : sorted.getLast()), statuses, errors.get());
        }
    }

    // ------------------------------------------------------------------ chat fan-out

    void chatFanOut(String streamId, int connections, int viewerCount, int messages) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int v = 0; v < viewerCount; v++) {
            tokens.add(registerAndSignIn("bench" + v + "x" + Long.toString(System.currentTimeMillis() % 100000, 36), v));
        }
        System.out.printf("signed in %d viewers%n", tokens.size());
        ConcurrentLinkedQueue<Long> deliveries = new ConcurrentLinkedQueue<>();
        CountDownLatch open = new CountDownLatch(connections);
        AtomicLong failed = new AtomicLong();
        List<HttpClient> clients = new ArrayList<>();
        List<InputStream> streams = Collections.synchronizedList(new ArrayList<>());
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int v = 0; v < viewerCount; v++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
        }
        for (int c = 0; c < connections; c++) {
            int v = c % viewerCount;
            threads.submit(() -> {
                try {
                    HttpResponse<InputStream> r = clients.get(v).send(HttpRequest.newBuilder(
                                    URI.create(gateway + "/api/social/chat/" + streamId + "/events"))
                            .header("Authorization", "Bearer " + tokens.get(v)).header("Accept", "text/event-stream").GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (r.statusCode() != 200) {
                        failed.incrementAndGet();
                        open.countDown();
                        return null;
                    }
                    streams.add(r.body());
                    open.countDown();
                    var reader = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), StandardCharsets.UTF_8));
                    for (String line; (line = reader.readLine()) != null; ) {
                        if (line.startsWith("data:")) {
                            Matcher m = SENT.matcher(line);
                            if (m.find()) {
                                deliveries.add(System.nanoTime() - Long.parseLong(m.group(2)));
                            }
                        }
                    }
                } catch (IOException e) {
                    // closed at the end
                }
                return null;
            });
        }
        if (!open.await(120, TimeUnit.SECONDS)) {
            System.out.printf("only %d of %d SSE connections opened within 120 s%n", connections - open.getCount(), connections);
        }
        System.out.printf("%d SSE connections open (%d refused)%n", connections - failed.get(), failed.get());
        Thread.sleep(2000);
        long openCount = connections - failed.get();
        for (int i = 0; i < messages; i++) {
            HttpResponse<String> posted = plain.send(HttpRequest.newBuilder(URI.create(gateway + "/api/social/chat/" + streamId))
                    .header("Authorization", "Bearer " + tokens.getFirst()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"bench " + i + " " + System.nanoTime() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 201) {
                System.out.println("chat post refused: " + posted.statusCode() + " " + posted.body());
            }
            Thread.sleep(1000);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (deliveries.size() < openCount * messages && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Long> sorted = new ArrayList<>(deliveries);
        Collections.sort(sorted);
        System.out.printf("chat fan-out: %d connections x %d messages: %d of %d delivered, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                openCount, messages, sorted.size(), openCount * messages, ms(pct(sorted, 50)), ms(pct(sorted, 99)),
                ms(sorted.isEmpty() ? 0 : sorted.getLast()));
        streams.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        });
        threads.shutdownNow();
        clients.forEach(HttpClient::shutdownNow);
        System.exit(0);
    }

    /** Registers a viewer (directly at the auth service, as the local mail box is there) and signs in through the gateway with PKCE. */
    String registerAndSignIn(String username, int index) throws Exception {
        String email = username + "@bench.example.com";
        post(auth + "/auth/api/register", "{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", 202);
        String code = null;
        for (int i = 0; i < 50 && code == null; i++) {
            String box = plain.send(HttpRequest.newBuilder(URI.create(auth + "/internal/dev/mail")).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String mail : box.split("={20,}")) {
                Matcher m = CODE.matcher(mail);
                if (mail.contains(email) && m.find()) {
                    code = m.group(1);
                    break;
                }
            }
            if (code == null) {
                Thread.sleep(200);
            }
        }
        post(auth + "/auth/api/verify", "{\"username\":\"" + username + "\",\"code\":\"" + code + "\"}", 200);

        // the sign-in as the watch app does it; each viewer from its own loopback address (the gateway limits /login per address)
        InetAddress source = InetAddress.getByAddress(new byte[] {127, 1, 0, (byte) (index + 2)});
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .localAddress(source).followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = gateway + "/watch/callback";
        String authorize = gateway + "/oauth2/authorize?response_type=code&client_id=lunora-watch&scope=openid&state=s&code_challenge_method=S256"
                + "&code_challenge=" + challenge + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        HttpResponse<String> r = follow(browser, HttpRequest.newBuilder(URI.create(authorize)).build());
        StringBuilder form = new StringBuilder("username=" + username + "&password=" + PASSWORD);
        Matcher hidden = HIDDEN.matcher(r.body());
        while (hidden.find()) {
            form.append('&').append(URLEncoder.encode(hidden.group(1), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(hidden.group(2), StandardCharsets.UTF_8));
        }
        r = follow(browser, HttpRequest.newBuilder(URI.create(gateway + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
        String callback = r.uri().toString();
        Matcher c = Pattern.compile("[?&]code=([^&]+)").matcher(callback);
        if (!c.find()) {
            throw new IllegalStateException("sign-in of " + username + " ended at " + callback + " (" + r.statusCode() + ")");
        }
        HttpResponse<String> token = plain.send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=lunora-watch&code=" + c.group(1)
                        + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&code_verifier=" + verifier)).build(),
                HttpResponse.BodyHandlers.ofString());
        return match(TOKEN, token.body(), "token of " + username + ": " + token.statusCode() + " " + token.body());
    }

    /** Follows redirects within the gateway; stops at the app's callback (nothing serves it here). */
    HttpResponse<String> follow(HttpClient browser, HttpRequest request) throws Exception {
        HttpResponse<String> r = browser.send(request, HttpResponse.BodyHandlers.ofString());
        for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
            URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
            if (next.getPath().endsWith("/callback")) {
                return new Stopped(r, next);
            }
            r = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
        }
        return r;
    }

    /** The redirect to the app's callback, which carries the code. */
    record Stopped(HttpResponse<String> last, URI uri) implements HttpResponse<String> {
        public int statusCode() { return last.statusCode(); }
        public HttpRequest request() { return last.request(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.of(last); }
        public java.net.http.HttpHeaders headers() { return last.headers(); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public HttpClient.Version version() { return last.version(); }
    }

    void post(String url, String json, int expected) throws Exception {
        HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        }
    }

    static String match(Pattern p, String text, String what) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + what);
        }
        return m.group(1);
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
