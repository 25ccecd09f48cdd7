package io.lunora.destination.destinations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.destination.connectivity.FfmpegRtmpServer;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.ServiceClient;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.security.Caller;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.FreePorts;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The destination API end to end: real tokens, DynamoDB Local, the local AES-GCM secret store in
 * a temporary data folder, and a real RTMP server (FFmpeg) for the connectivity test. Only
 * 127.0.0.2 is on the test allow-list, so the rest of loopback stays refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.dynamodb.environment=destapi", "lunora.http.max-body-bytes=4096",
        "lunora.destinations.allowed-private-hosts=127.0.0.2/32", "lunora.destinations.read-timeout=3s",
        "logging.level.io.lunora=DEBUG", "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.security=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class DestinationApiTest {
    static final TestIssuer issuer = new TestIssuer();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();
    static final String TABLE = "lunora-destapi-Destinations";
    static final Path dataDir = tempDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.data-dir", dataDir::toString);
    }

    @AfterAll
    static void close() {
        issuer.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    DestinationStore store;

    @Autowired
    io.lunora.destination.keys.StreamKeys keys;

    @Autowired
    DestinationHosts hosts;

    final String org = "org-" + UUID.randomUUID();
    final String operator = issuer.userToken("otto", org, Group.OPERATORS);
    final String admin = issuer.userToken("ada", org, Group.ADMINS);
    final String service = issuer.serviceToken(ServiceClient.STREAMING_CONTROL);
    final String presetService = issuer.serviceToken(ServiceClient.PRESET);
    final List<HttpResponse<String>> responses = new ArrayList<>();
    List<Path> filesBefore;

    @BeforeEach
    void rememberSecretFiles() throws IOException {
        filesBefore = allSecretFiles();
    }

    @Test
    void shouldCreateWithThePlatformsIngestPrefilledAndShowOnlyAMaskedKey() throws Exception {
        String key = "yt-" + UUID.randomUUID();

        HttpResponse<String> created = send("POST", "/api/destinations", operator,
                "{\"name\":\"YouTube main\",\"platform\":\"youtube\",\"stream_key\":\"" + key
                        + "\",\"preset_id\":\"builtin-youtube-hd\",\"auto_start\":true}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode d = body(created);
        assertThat(d.path("rtmp_url").asString()).isEqualTo("rtmp://a.rtmp.youtube.com/live2");
        assertThat(d.path("has_key").asBoolean()).isTrue();
        assertThat(d.path("stream_key_masked").asString()).isEqualTo("****" + key.substring(key.length() - 4));
        assertThat(d.path("enabled").asBoolean()).isTrue();
        assertThat(d.path("auto_start").asBoolean()).isTrue();
        assertThat(d.path("recording_backup").asBoolean()).isFalse();
        assertThat(d.path("priority").asBoolean()).isFalse();
        assertThat(d.path("version").asLong()).isEqualTo(1);
        assertThat(d.has("stream_key")).isFalse();
        String id = d.path("destination_id").asString();
        Map<String, AttributeValue> item = item(id);
        assertThat(item.get("stream_key_param").s()).isEqualTo("/lunora-player/streaming/youtube/stream-key-" + id);
        assertThat(item.get("user_id").s()).isEqualTo("user-otto");
        assertThat(item.toString()).doesNotContain(key);

        HttpResponse<String> x = send("POST", "/api/destinations", operator,
                "{\"name\":\"X\",\"platform\":\"x\",\"preset_id\":\"builtin-x-optimized\"}");
        assertThat(body(x).path("rtmp_url").asString()).isEqualTo("rtmps://va.pscp.tv:443/x");
        assertThat(body(x).path("has_key").asBoolean()).isFalse();
        assertThat(body(x).path("stream_key_masked").isNull()).isTrue();
        assertThat(body(send("GET", "/api/destinations", operator, null))).hasSize(2);
    }

    /** Issue 14 row 15: names are free text by service-support's one rule (lone surrogates, overrides, NFC). */
    @Test
    void shouldRefuseNamesThatAreNotPlainTextAndStoreComposedOnes() throws Exception {
        String xNamed = "{\"name\":\"%s\",\"platform\":\"x\",\"preset_id\":\"builtin-x-optimized\"}";
        for (String escaped : new String[] {"half \\ud800", "\\udfff", "rtl \\u202e", "bell \\u0007", "esc \\u001b"}) {
            HttpResponse<String> refused = post(xNamed.formatted(escaped));
            assertValidation(refused, "name");
        }
        assertThat(items()).isEmpty();
        HttpResponse<String> composed = post(xNamed.formatted("Cafe\\u0301 \\u1100\\u1161"));
        assertThat(composed.statusCode()).as(composed.body()).isEqualTo(201);
        assertThat(body(composed).path("name").asString()).isEqualTo("Caf\u00e9 \uac00");
    }

    @Test
    void shouldRefuseBadInputNamingTheFieldAndStoreNothing() throws Exception {
        assertValidation(send("POST", "/api/destinations", operator, "{}"), "name", "platform", "preset_id", "rtmp_url");
        assertValidation(post(custom("Web", "http://example.com/live")), "rtmp_url");
        assertValidation(post(custom("Ftp", "ftp://example.com/live")), "rtmp_url");
        assertValidation(post(custom("Creds", "rtmp://user:pw@example.com/live")), "rtmp_url");
        assertValidation(post(custom("No app", "rtmp://example.com")), "rtmp_url");
        assertValidation(post(custom("Broken", "rtmp://exa mple.com/live")), "rtmp_url");
        // a stream key pasted into the URL (path or query) would be stored and shown unmasked
        for (String pasted : List.of("rtmp://example.com/live/sk-pasted-9876", "rtmp://example.com/live?key=sk-pasted-9876",
                "rtmps://example.com:443/rtmp/sk-pasted-9876?s_bl=1")) {
            HttpResponse<String> refused = post(custom("Pasted", pasted));
            assertValidation(refused, "rtmp_url");
            assertThat(refused.body()).doesNotContain("sk-pasted-9876");
        }
        assertValidation(post("{\"name\":\"LinkedIn\",\"platform\":\"linkedin\",\"preset_id\":\"p\"}"), "rtmp_url");
        assertValidation(post(custom("Twitch", "rtmp://example.com/live").replace("\"custom\"", "\"twitch\"")), "platform");
        assertValidation(post(custom("x".repeat(101), "rtmp://example.com/live")), "name");
        assertValidation(post(custom("Key", "rtmp://example.com/live").replace("}", ",\"stream_key\":\"has space\"}")),
                "stream_key");
        assertValidation(post(custom("Preset", "rtmp://example.com/live").replace("\"p-1\"", "\"../etc\"")), "preset_id");
        assertProblem(post("{\"name\":"), 400);
        assertProblem(post(custom("Extra", "rtmp://example.com/live").replace("}", ",\"owner\":\"me\"}")), 400);
        assertProblem(post(custom("Big", "rtmp://example.com/live").replace("}", ",\"stream_key\":\""
                + "k".repeat(5000) + "\"}")), 413);
        assertThat(items()).isEmpty();
        assertThat(secretFiles()).isEmpty();
    }

    @Test
    void shouldUpdateWithTheVersionReadMoveTheKeyWithThePlatformAndRefuseStaleWrites() throws Exception {
        String key = "custom-" + UUID.randomUUID();
        String id = body(post(custom("Studio", "rtmp://example.com/live").replace("}", ",\"stream_key\":\"" + key + "\"}")))
                .path("destination_id").asString();

        HttpResponse<String> moved = send("PUT", "/api/destinations/" + id, operator, "{\"name\":\"Studio YT\","
                + "\"platform\":\"youtube\",\"preset_id\":\"builtin-youtube-4k\",\"priority\":true,\"version\":1}");
        HttpResponse<String> stale = send("PUT", "/api/destinations/" + id, operator,
                custom("Stale", "rtmp://example.com/live").replace("}", ",\"version\":1}"));
        HttpResponse<String> noVersion = send("PUT", "/api/destinations/" + id, operator, custom("No", "rtmp://e.com/l"));

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(body(moved).path("version").asLong()).isEqualTo(2);
        assertThat(body(moved).path("rtmp_url").asString()).isEqualTo("rtmp://a.rtmp.youtube.com/live2");
        assertThat(body(moved).path("stream_key_masked").asString()).endsWith(key.substring(key.length() - 4));
        assertProblem(stale, 409);
        assertValidation(noVersion, "version");
        Map<String, AttributeValue> item = item(id);
        assertThat(item.get("name").s()).isEqualTo("Studio YT");
        assertThat(item.get("stream_key_param").s()).startsWith("/lunora-player/streaming/youtube/stream-key-" + id + "-");
        assertThat(body(send("GET", "/internal/destinations/" + id + "/target?organization=" + org, service, null))
                .path("stream_key").asString()).isEqualTo(key);
        assertThat(secretFiles()).hasSize(1); // the custom/ name was removed
    }

    @Test
    void shouldRotateTheKeyAndServeItOnlyToServices() throws Exception {
        String id = body(post(custom("Rotating", "rtmps://live.example.com/app").replace("}",
                ",\"stream_key\":\"first-key-0001\",\"auto_start\":true}"))).path("destination_id").asString();

        HttpResponse<String> rotated = send("PUT", "/api/destinations/" + id + "/stream-key", operator,
                "{\"stream_key\":\"second-key-0002\"}");

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(body(rotated).path("stream_key_masked").asString()).isEqualTo("****0002");
        assertThat(body(rotated).path("version").asLong()).isEqualTo(2);
        JsonNode target = body(send("GET", "/internal/destinations/" + id + "/target?organization=" + org, service, null));
        assertThat(target.path("stream_key").asString()).isEqualTo("second-key-0002");
        assertThat(target.path("rtmp_url").asString()).isEqualTo("rtmps://live.example.com/app");
        assertThat(target.path("preset_id").asString()).isEqualTo("p-1");
        JsonNode autoStart = body(send("GET", "/internal/destinations/auto-start?organization=" + org, service, null));
        assertThat(autoStart.valueStream().map(t -> t.path("destination_id").asString())).containsExactly(id);
        assertValidation(send("PUT", "/api/destinations/" + id + "/stream-key", operator, "{\"stream_key\":\"\"}"),
                "stream_key");
        assertProblem(send("PUT", "/api/destinations/" + id + "/stream-key", operator,
                "{\"stream_key\":\"third-key-0003\",\"version\":1}"), 409);
        assertProblem(send("GET", "/internal/destinations/" + id + "/target?organization=" + org, operator, null), 403);
        assertProblem(send("GET", "/internal/destinations/" + id + "/target?organization=" + org,
                issuer.serviceToken(ServiceClient.STREAMING_CONTROL.clientId(), "openid"), null), 403);
        assertProblem(send("GET", "/internal/destinations/" + id + "/target?organization=org-other", service, null), 404);
        assertThat(body(send("GET", "/internal/destinations/" + id + "/target?organization=" + org, service, null))
                .path("stream_key").asString()).isEqualTo("second-key-0002");
    }

    @Test
    void shouldReportPresetUsageAndDeleteTheKeyWithTheDestination() throws Exception {
        String id = body(post(custom("Used", "rtmp://example.com/live").replace("}", ",\"stream_key\":\"k-000000000001\"}")))
                .path("destination_id").asString();

        JsonNode usage = body(send("GET", "/internal/destinations/preset-usage/p-1?organization=" + org, presetService, null));
        assertThat(usage.path("destination_ids").valueStream().map(JsonNode::asString)).containsExactly(id);
        assertThat(body(send("GET", "/internal/destinations/preset-usage/p-2?organization=" + org, presetService, null))
                .path("destination_ids")).isEmpty();

        assertProblem(send("DELETE", "/api/destinations/" + id + "?version=7", operator, null), 409);
        assertThat(send("DELETE", "/api/destinations/" + id + "?version=1", operator, null).statusCode()).isEqualTo(204);
        assertThat(items()).isEmpty();
        assertThat(secretFiles()).isEmpty();
        assertProblem(send("DELETE", "/api/destinations/" + id, operator, null), 404);
    }

    @Test
    void shouldHideAnotherOrganizationsDestinationAndEnforceRoles() throws Exception {
        String id = body(post(custom("Ours", "rtmp://example.com/live"))).path("destination_id").asString();
        String intruder = issuer.userToken("eve", "org-evil", Group.ADMINS);
        String viewer = issuer.userToken("vic", org, Group.VIP);

        assertProblem(send("PUT", "/api/destinations/" + id, intruder, custom("Theirs", "rtmp://e.com/l")
                .replace("}", ",\"version\":1}")), 404);
        assertProblem(send("DELETE", "/api/destinations/" + id, intruder, null), 404);
        assertProblem(send("POST", "/api/destinations/" + id + "/test", intruder, null), 404);
        assertProblem(send("PUT", "/api/destinations/" + id + "/stream-key", intruder, "{\"stream_key\":\"stolen-key-1\"}"), 404);
        assertProblem(send("PUT", "/api/destinations/dest-unknown/stream-key", operator, "{\"stream_key\":\"k-1\"}"), 404);
        assertThat(body(send("GET", "/api/destinations", intruder, null))).isEmpty();
        assertProblem(send("GET", "/api/destinations", viewer, null), 403);
        assertProblem(send("POST", "/api/destinations", viewer, custom("V", "rtmp://e.com/l")), 403);
        assertProblem(send("GET", "/api/destinations", null, null), 401);
        assertThat(send("GET", "/api/destinations", admin, null).statusCode()).isEqualTo(200);
        assertThat(item(id).get("name").s()).isEqualTo("Ours");
        assertThat(item(id).containsKey("stream_key_param")).isFalse();
    }

    @Test
    void shouldRefuseToSaveLoopbackPrivateAndMetadataAddresses() throws Exception {
        for (String host : List.of("127.0.0.1", "10.0.0.1", "192.168.1.10", "169.254.169.254", "[::1]", "localhost",
                "[::ffff:127.0.0.1]")) {
            assertValidation(post(custom("Inside " + host, "rtmp://" + host + ":1935/live")), "rtmp_url");
        }
        String id = body(post(custom("Outside", "rtmp://203.0.113.7/live"))).path("destination_id").asString();
        assertValidation(send("PUT", "/api/destinations/" + id, operator,
                custom("Metadata", "rtmp://169.254.169.254/live").replace("}", ",\"version\":1}")), "rtmp_url");
        assertThat(item(id).get("rtmp_url").s()).isEqualTo("rtmp://203.0.113.7/live");
        // the allow-list (127.0.0.2/32 here) lets an admin's private ingest through
        assertThat(post(custom("Studio", "rtmp://127.0.0.2:1935/live")).statusCode()).isEqualTo(201);
    }

    @Test
    void shouldNeverLetTheStreamKeyOutWhileCreatingUpdatingTestingAndRotating(CapturedOutput output) throws Exception {
        String firstKey = "leak-check-" + UUID.randomUUID();
        String secondKey = "leak-check-" + UUID.randomUUID();
        int rtmpPort = FreePorts.next();
        String id;
        try (FfmpegRtmpServer server = FfmpegRtmpServer.start("127.0.0.2", rtmpPort, "/live/" + firstKey)) {
            id = body(post(custom("Leak check", "rtmp://127.0.0.2:" + rtmpPort + "/live")
                    .replace("}", ",\"stream_key\":\"" + firstKey + "\"}"))).path("destination_id").asString();
            send("GET", "/api/destinations", operator, null);
            send("PUT", "/api/destinations/" + id, operator, custom("Leak check 2", "rtmp://127.0.0.2:" + rtmpPort + "/live")
                    .replace("}", ",\"stream_key\":\"" + firstKey + "\",\"version\":1}"));
            send("PUT", "/api/destinations/" + id, operator, custom("Bad", "rtmp://127.0.0.2/live")
                    .replace("}", ",\"stream_key\":\"" + firstKey + " x\",\"version\":2}"));
            send("PUT", "/api/destinations/" + id, operator, custom("Stale", "rtmp://127.0.0.2/live")
                    .replace("}", ",\"stream_key\":\"" + secondKey + "\",\"version\":1}"));
            HttpResponse<String> tested = send("POST", "/api/destinations/" + id + "/test", operator, null);
            assertThat(body(tested).path("reachable").asBoolean()).as(tested.body()).isTrue();
            send("PUT", "/api/destinations/" + id + "/stream-key", operator, "{\"stream_key\":\"" + secondKey + "\"}");
            send("PUT", "/api/destinations/" + id + "/stream-key", operator, "{\"stream_key\":\"" + secondKey + " \"}");
            send("PUT", "/api/destinations/" + id + "/stream-key", operator, "{\"stream_key\":\"" + secondKey
                    + "\",\"unknown\":1}");
            send("GET", "/api/destinations", operator, null);
        }

        assertThat(responses).hasSizeGreaterThanOrEqualTo(9);
        for (HttpResponse<String> response : responses) {
            String everything = response.headers().map() + response.body();
            assertThat(everything).doesNotContain(firstKey).doesNotContain(secondKey);
        }
        assertThat(output.getAll()).contains("Connectivity test of destination " + id)
                .doesNotContain(firstKey).doesNotContain(secondKey);
        assertThat(item(id).toString()).doesNotContain(firstKey).doesNotContain(secondKey);
        for (Path file : secretFiles()) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(content).doesNotContain(firstKey).doesNotContain(secondKey);
        }
        // and it is there for the one who needs it
        assertThat(body(send("GET", "/internal/destinations/" + id + "/target?organization=" + org, service, null))
                .path("stream_key").asString()).isEqualTo(secondKey);
    }

    @Test
    void shouldPublishAnOpenApiDocumentWithoutInternalEndpoints() throws Exception {
        // the public API description (the gateway aggregates it) and health are open on a service's own
        // port; metrics and build info need the scraper's token
        HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);
        assertProblem(send("GET", "/actuator/prometheus", null, null), 401);
        assertProblem(send("GET", "/actuator/info", null, null), 401);
        assertProblem(send("GET", "/actuator/prometheus", operator, null), 403);
        assertProblem(send("GET", "/actuator/prometheus", service, null), 403);
        assertThat(send("GET", "/actuator/prometheus", issuer.serviceToken(ServiceClient.METRICS), null).statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/destinations/{id}/stream-key", "/api/destinations/{id}/test")
                .doesNotContain("/internal/");
    }

    static String custom(String name, String url) {
        return "{\"name\":\"" + name + "\",\"platform\":\"custom\",\"rtmp_url\":\"" + url + "\",\"preset_id\":\"p-1\"}";
    }

    /**
     * Two rotations of the same version race: the first reaches its row write, the second writes its
     * key meanwhile and then loses the conditional write (409). The key stored and served must be
     * the winner's, and the loser's must be gone.
     */
    @Test
    void shouldKeepTheWinnersKeyWhenTwoKeyWritesRace() throws Exception {
        String id = body(post(custom("Racing", "rtmps://live.example.com/app").replace("}",
                ",\"stream_key\":\"original-key-0000\"}"))).path("destination_id").asString();
        CountDownLatch winnerAtRowWrite = new CountDownLatch(1);
        CountDownLatch loserAtRowWrite = new CountDownLatch(1);
        DestinationStore racing = new DelegatingStore(store) {
            @Override
            public Destination update(Destination destination) {
                boolean winner = destination.streamKeyMasked().endsWith("1111");
                try {
                    if (winner) {
                        winnerAtRowWrite.countDown();
                        assertThat(loserAtRowWrite.await(20, TimeUnit.SECONDS)).isTrue(); // its key is written now
                    } else {
                        loserAtRowWrite.countDown();
                        Thread.sleep(300); // lets the winner write its row first
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return super.update(destination);
            }
        };
        DestinationService service = new DestinationService(racing, keys, null, hosts);
        Caller otto = new Caller("user-otto", "otto", org, Set.of(Group.OPERATORS), TestIssuer.OPERATOR_CLIENT);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<Destination> first = threads.submit(() -> service.rotateKey(otto, id, "winner-key-1111", 1L));
            assertThat(winnerAtRowWrite.await(20, TimeUnit.SECONDS)).isTrue();
            Future<Destination> second = threads.submit(() -> service.rotateKey(otto, id, "loser-key-2222", 1L));
            assertThat(first.get(30, TimeUnit.SECONDS).streamKeyMasked()).endsWith("1111");
            assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ConflictException.class);
        }
        assertThat(body(send("GET", "/internal/destinations/" + id + "/target?organization=" + org, this.service, null))
                .path("stream_key").asString()).isEqualTo("winner-key-1111");
        assertThat(secretFiles()).as("only the winner's key is left").hasSize(1);
    }

    /** A store that forwards every call: the race test overrides the row write. */
    private static class DelegatingStore implements DestinationStore {
        private final DestinationStore delegate;

        DelegatingStore(DestinationStore delegate) {
            this.delegate = delegate;
        }

        public java.util.Optional<Destination> find(String organizationId, String destinationId) {
            return delegate.find(organizationId, destinationId);
        }

        public List<Destination> list(String organizationId) {
            return delegate.list(organizationId);
        }

        public Destination create(Destination destination) {
            return delegate.create(destination);
        }

        public Destination update(Destination destination) {
            return delegate.update(destination);
        }

        public void delete(String organizationId, String destinationId, Long expectedVersion) {
            delegate.delete(organizationId, destinationId, expectedVersion);
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        return send("POST", "/api/destinations", operator, body);
    }

    private Map<String, AttributeValue> item(String id) {
        return dynamo.getItem(g -> g.tableName(TABLE).key(Map.of("organization_id", AttributeValue.fromS(org),
                "destination_id", AttributeValue.fromS(id)))).item();
    }

    private List<Map<String, AttributeValue>> items() {
        return dynamo.query(q -> q.tableName(TABLE).keyConditionExpression("organization_id = :o")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(org)))).items();
    }

    /** Secret files written since this test began (the folder is shared by the class's tests). */
    private List<Path> secretFiles() throws IOException {
        return allSecretFiles().stream().filter(f -> !filesBefore.contains(f)).toList();
    }

    private static List<Path> allSecretFiles() throws IOException {
        Path folder = dataDir.resolve("secrets");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".secret")).toList();
        }
    }

    static JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(body(response).path("status").asInt()).isEqualTo(status);
    }

    static void assertValidation(HttpResponse<String> response, String... fields) {
        assertProblem(response, 400);
        assertThat(body(response).path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder(fields);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        responses.add(response);
        return response;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("destination-api");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
