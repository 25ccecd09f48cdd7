package io.lunora.preset.presets;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.ServiceClient;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The preset API end to end: real tokens, DynamoDB Local, the destination service's usage endpoint
 * played by a recording HTTP endpoint reached with a real client-credentials token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.dynamodb.environment=presetapi", "lunora.http.max-body-bytes=8192",
        "lunora.services.client=preset", "lunora.services.client-secret=s3rvice-secret",
        // one test makes the destination service fail on purpose; its breaker must not cut off the tests after it
        "lunora.services.resilience.services.destination-service.minimum-calls=1000"})
class PresetApiTest {
    static final TestIssuer issuer = new TestIssuer();
    static final RecordingHttpEndpoint destinations = new RecordingHttpEndpoint();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();
    static final String TABLE = "lunora-presetapi-StreamingPresets";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("lunora.dynamodb.endpoint", () -> DynamoDbLocal.shared().endpoint());
        registry.add("lunora.security.jwk-set-uri", issuer::jwkSetUri);
        registry.add("lunora.services.token-uri",
                () -> issuer.clientCredentialsTokenUri(ServiceClient.PRESET, "s3rvice-secret"));
        registry.add("lunora.services.destination-url", destinations::url);
    }

    @AfterAll
    static void close() {
        issuer.close();
        destinations.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DynamoDbClient dynamo;

    @Autowired
    JwtDecoder decoder;

    final String org = "org-" + System.nanoTime();
    final String admin = issuer.userToken("ada", org, Group.ADMINS);
    final String operator = issuer.userToken("otto", org, Group.OPERATORS);

    @BeforeEach
    void unused() {
        destinations.clear();
        destinations.answer(r -> usage(List.of()));
    }

    @Test
    void shouldSeedTheSpecificationsPlatformPresetsForEveryOrganization() throws Exception {
        JsonNode list = body(send("GET", "/api/presets", operator, null));
        JsonNode other = body(send("GET", "/api/presets", issuer.userToken("eve", "org-other", Group.OPERATORS), null));

        assertThat(names(list)).containsExactly("LinkedIn HD", "LinkedIn Low", "LinkedIn Mobile", "LinkedIn SD",
                "X Low", "X Optimized", "X SD", "YouTube 4K", "YouTube 720p", "YouTube HD", "YouTube Low",
                "YouTube SD");
        assertThat(names(other)).isEqualTo(names(list));
        JsonNode youtube = find(list, "builtin-youtube-hd");
        assertThat(youtube.path("built_in").asBoolean()).isTrue();
        assertThat(youtube.path("video").toString()).isEqualTo("{\"resolution\":\"1920x1080\",\"frame_rate\":30,"
                + "\"bitrate_kbps\":6000,\"codec\":\"h264\",\"profile\":\"high\",\"keyframe_interval_seconds\":2,"
                + "\"b_frames\":2}");
        assertThat(youtube.path("audio").toString()).isEqualTo(
                "{\"codec\":\"aac\",\"bitrate_kbps\":128,\"sample_rate_hz\":48000,\"channels\":\"stereo\"}");
        assertThat(youtube.path("advanced").toString()).isEqualTo(
                "{\"gop_size_frames\":60,\"rate_control\":\"cbr\",\"buffer_size_kbps\":12000}");
        JsonNode x = find(list, "builtin-x-optimized");
        assertThat(x.path("video").path("resolution").asString()).isEqualTo("1280x720");
        assertThat(x.path("video").path("bitrate_kbps").asInt()).isEqualTo(2500);
        assertThat(x.path("video").path("profile").asString()).isEqualTo("main");
        assertThat(x.path("video").path("b_frames").asInt()).isEqualTo(1);
        assertThat(x.path("audio").path("sample_rate_hz").asInt()).isEqualTo(44100);
        assertThat(x.path("advanced").path("buffer_size_kbps").asInt()).isEqualTo(5000);
        JsonNode linkedin = find(list, "builtin-linkedin-hd");
        assertThat(linkedin.path("video").path("bitrate_kbps").asInt()).isEqualTo(4000);
        assertThat(linkedin.path("advanced").path("buffer_size_kbps").asInt()).isEqualTo(8000);
        assertThat(find(list, "builtin-youtube-4k").path("video").path("resolution").asString()).isEqualTo("3840x2160");
        assertThat(find(list, "builtin-youtube-4k").path("video").path("bitrate_kbps").asInt()).isEqualTo(15000);
        assertThat(find(list, "builtin-linkedin-mobile").path("video").path("bitrate_kbps").asInt()).isEqualTo(2000);
        // below 720p, as the operator wizard's Low (480p) asks, and 360p
        for (String platform : List.of("youtube", "x", "linkedin")) {
            assertThat(find(list, "builtin-" + platform + "-480p").path("video").path("resolution").asString())
                    .isEqualTo("854x480");
            assertThat(find(list, "builtin-" + platform + "-360p").path("video").path("resolution").asString())
                    .isEqualTo("640x360");
        }
        assertThat(find(list, "builtin-youtube-720p").path("video").path("resolution").asString())
                .isEqualTo("1280x720");
    }

    @Test
    void shouldCreateACustomPresetWithCalculatedBufferAndListItByPlatform() throws Exception {
        HttpResponse<String> created = send("POST", "/api/presets", admin, customPreset("Studio HD", 8000));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode preset = body(created);
        assertThat(preset.path("version").asLong()).isEqualTo(1);
        assertThat(preset.path("built_in").asBoolean()).isFalse();
        assertThat(preset.path("advanced").toString()).isEqualTo(
                "{\"gop_size_frames\":120,\"rate_control\":\"cbr\",\"buffer_size_kbps\":16000}");
        assertThat(names(body(send("GET", "/api/presets/custom", operator, null)))).containsExactly("Studio HD");
        assertThat(names(body(send("GET", "/api/presets/linkedin", operator, null))))
                .containsExactly("LinkedIn HD", "LinkedIn Low", "LinkedIn Mobile", "LinkedIn SD");
        assertThat(storedPresetIds()).contains(preset.path("preset_id").asString());
    }

    @Test
    void shouldStoreAPassthroughPresetWithTheSourceSettingsItExpectsAndReadOthersAsEncoding() throws Exception {
        String passthrough = customPreset("Studio copy", 6000).replace("\"platform\":\"custom\",",
                "\"platform\":\"custom\",\"passthrough\":true,");

        HttpResponse<String> created = send("POST", "/api/presets", admin, passthrough);
        HttpResponse<String> encoded = send("POST", "/api/presets", admin, customPreset("Studio encode", 6000));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode preset = body(created);
        assertThat(preset.path("passthrough").asBoolean()).isTrue();
        assertThat(preset.path("video").path("resolution").asString()).isEqualTo("1920x1080");
        String id = preset.path("preset_id").asString();
        assertThat(storedItem(org, id).get("passthrough").bool()).isTrue();
        assertThat(find(body(send("GET", "/api/presets/custom", operator, null)), id).path("passthrough").asBoolean())
                .isTrue();
        assertThat(body(encoded).path("passthrough").isBoolean()).isTrue();
        assertThat(body(encoded).path("passthrough").asBoolean()).isFalse();
        assertThat(find(body(send("GET", "/api/presets", operator, null)), "builtin-youtube-hd")
                .path("passthrough").asBoolean()).isFalse();
        assertThat(body(send("GET", "/api/presets/export", admin, null)).path("presets").valueStream()
                .filter(p -> p.path("passthrough").asBoolean()).map(p -> p.path("name").asString()))
                .containsExactly("Studio copy");
    }

    @Test
    void shouldRefuseAPassthroughPresetThatDoesNotDeclareTheSourceItExpects() throws Exception {
        String undeclared = """
                {"name":"Copy anything","platform":"custom","passthrough":true,
                 "video":{"bitrate_kbps":6000,"codec":"av1","profile":"high","keyframe_interval_seconds":2,
                          "b_frames":0},
                 "audio":{"codec":"aac","bitrate_kbps":128,"sample_rate_hz":48000,"channels":"stereo"}}""";

        assertValidationProblem(send("POST", "/api/presets", admin, undeclared), "video.resolution",
                "video.frame_rate", "video.codec");
        assertProblem(send("POST", "/api/presets", admin, undeclared.replace("true", "\"yes\"")), 400);
        assertThat(storedPresetIds()).isEmpty();
    }

    @Test
    void shouldRefuseOutOfRangeSettingsNamingEachFieldAndStoreNothing() throws Exception {
        String bad = """
                {"name":"Too much","platform":"custom",
                 "video":{"resolution":"426x240","frame_rate":25,"bitrate_kbps":12000,"codec":"vp9",
                          "profile":"high","keyframe_interval_seconds":5,"b_frames":2},
                 "audio":{"codec":"opus","bitrate_kbps":32,"sample_rate_hz":22050,"channels":"5.1"},
                 "advanced":{"rate_control":"abr"}}""";

        HttpResponse<String> response = send("POST", "/api/presets", admin, bad);

        assertValidationProblem(response, "video.resolution", "video.frame_rate", "video.bitrate_kbps",
                "video.codec", "video.keyframe_interval_seconds", "audio.codec", "audio.bitrate_kbps",
                "audio.sample_rate_hz", "audio.channels", "advanced.rate_control");
        assertThat(storedPresetIds()).isEmpty();
    }

    @Test
    void shouldApplyThePlatformsIngestLimits() throws Exception {
        String linkedin60 = customPreset("LI 60", 4000).replace("\"custom\"", "\"linkedin\"");
        String xHevc = customPreset("X HEVC", 4000).replace("\"custom\"", "\"x\"").replace("\"h264\"", "\"h265\"")
                .replace("\"high\"", "\"main\"");
        String youtube20M = customPreset("YT 20M", 20000).replace("\"custom\"", "\"youtube\"");

        String linkedin7M = customPreset("LI 7M", 7000).replace("\"custom\"", "\"linkedin\"")
                .replace("\"frame_rate\":60", "\"frame_rate\":30").replace("\"keyframe_interval_seconds\":2",
                        "\"keyframe_interval_seconds\":3");

        assertValidationProblem(send("POST", "/api/presets", admin, linkedin60), "video.frame_rate");
        assertValidationProblem(send("POST", "/api/presets", admin, linkedin7M), "video.bitrate_kbps",
                "video.keyframe_interval_seconds");
        assertValidationProblem(send("POST", "/api/presets", admin, xHevc), "video.codec");
        assertThat(send("POST", "/api/presets", admin, youtube20M).statusCode()).isEqualTo(201);
        assertValidationProblem(send("POST", "/api/presets", admin,
                customPreset("Custom 20M", 20000)), "video.bitrate_kbps");
    }

    @Test
    void shouldRefuseMissingFieldsMalformedBodiesUnknownMembersAndOversizedBodies() throws Exception {
        assertValidationProblem(send("POST", "/api/presets", admin, "{\"platform\":\"custom\"}"),
                "audio", "name", "video");
        assertValidationProblem(send("POST", "/api/presets", admin, customPreset("", 4000)), "name");
        assertValidationProblem(send("POST", "/api/presets", admin,
                customPreset("Odd", 4000).replace("\"custom\"", "\"twitch\"")), "platform");
        assertProblem(send("POST", "/api/presets", admin, "{\"name\":"), 400);
        assertProblem(send("POST", "/api/presets", admin, customPreset("A", 4000).replace("{\"name\"",
                "{\"owner\":\"me\",\"name\"")), 400);
        assertProblem(send("POST", "/api/presets", admin,
                customPreset("x".repeat(9000), 4000)), 413);
        assertValidationProblem(send("GET", "/api/presets/twitch", operator, null), "platform");
        assertThat(storedPresetIds()).isEmpty();
    }

    @Test
    void shouldUpdateWithTheCurrentVersionAndRefuseAStaleOne() throws Exception {
        String id = body(send("POST", "/api/presets", admin, customPreset("Studio", 4000))).path("preset_id").asString();

        HttpResponse<String> first = send("PUT", "/api/presets/" + id, admin, withVersion(customPreset("Studio 2", 5000), 1));
        HttpResponse<String> stale = send("PUT", "/api/presets/" + id, admin, withVersion(customPreset("Studio 3", 6000), 1));
        HttpResponse<String> noVersion = send("PUT", "/api/presets/" + id, admin, customPreset("Studio 4", 6000));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(body(first).path("version").asLong()).isEqualTo(2);
        assertProblem(stale, 409);
        assertValidationProblem(noVersion, "version");
        Map<String, AttributeValue> stored = storedItem(org, id);
        assertThat(stored.get("name").s()).isEqualTo("Studio 2");
        assertThat(stored.get("version").n()).isEqualTo("2");
        assertThat(stored.get("video_settings").m().get("bitrate_kbps").s()).isEqualTo("5000");
    }

    @Test
    void shouldKeepBuiltInsReadOnlyButCloneable() throws Exception {
        assertProblem(send("PUT", "/api/presets/builtin-youtube-hd", admin,
                withVersion(customPreset("Mine", 4000).replace("\"custom\"", "\"youtube\""), 1)), 409);
        assertProblem(send("DELETE", "/api/presets/builtin-youtube-hd", admin, null), 409);

        HttpResponse<String> clone = send("POST", "/api/presets/builtin-youtube-4k/clone", admin, "{\"name\":\"Our 4K\"}");

        assertThat(clone.statusCode()).isEqualTo(201);
        JsonNode copy = body(clone);
        assertThat(copy.path("built_in").asBoolean()).isFalse();
        assertThat(copy.path("platform").asString()).isEqualTo("youtube");
        assertThat(copy.path("video").path("bitrate_kbps").asInt()).isEqualTo(15000);
        assertThat(send("PUT", "/api/presets/" + copy.path("preset_id").asString(), admin,
                withVersion(customPreset("Our 4K", 20000).replace("\"custom\"", "\"youtube\""), 1)).statusCode())
                .isEqualTo(200);
        assertThat(storedItem(PresetStore.BUILT_IN_SCOPE, "builtin-youtube-hd").get("name").s()).isEqualTo("YouTube HD");
    }

    @Test
    void shouldAskTheDestinationServiceWithAServiceTokenAndRefuseDeletingAPresetInUse() throws Exception {
        String id = body(send("POST", "/api/presets", admin, customPreset("Used", 4000))).path("preset_id").asString();
        destinations.answer(r -> usage(List.of("dest-1", "dest-2")));

        HttpResponse<String> refused = send("DELETE", "/api/presets/" + id, admin, null);

        assertProblem(refused, 409);
        assertThat(body(refused).path("detail").asString()).contains("2 destination(s)");
        assertThat(storedItem(org, id)).isNotEmpty();
        Recorded asked = destinations.requests().get(0);
        assertThat(asked.method()).isEqualTo("GET");
        assertThat(asked.path()).isEqualTo("/internal/destinations/preset-usage/" + id + "?organization=" + org);
        Jwt token = decoder.decode(asked.header("Authorization").substring("Bearer ".length()));
        assertThat(token.getClaimAsString("client_id")).isEqualTo("lunora-preset");
        assertThat(token.getClaimAsString("scope")).as("its one scope, nothing else").isEqualTo("destinations.preset-usage");

        destinations.answer(r -> usage(List.of()));
        assertThat(send("DELETE", "/api/presets/" + id, admin, null).statusCode()).isEqualTo(204);
        assertThat(storedItem(org, id)).isEmpty();
        assertThat(issuer.tokenRequestCount()).as("the service token is cached, not fetched per call").isEqualTo(1);
    }

    @Test
    void shouldRefuseToDeleteWhenUsageCannotBeChecked() throws Exception {
        String id = body(send("POST", "/api/presets", admin, customPreset("Maybe used", 4000))).path("preset_id").asString();
        destinations.answer(r -> Reply.json(500, "{}"));

        HttpResponse<String> refused = send("DELETE", "/api/presets/" + id, admin, null);
        assertProblem(refused, 503);
        assertThat(refused.body()).contains("The destination-service did not answer (failed with 500)");
        assertThat(destinations.requests()).as("the usage GET is retried").hasSize(3);
        assertThat(storedItem(org, id)).isNotEmpty();
    }

    @Test
    void shouldHideAnotherOrganizationsPresetAndAnswerUnknownIdsWith404() throws Exception {
        String id = body(send("POST", "/api/presets", admin, customPreset("Ours", 4000))).path("preset_id").asString();
        String otherAdmin = issuer.userToken("eve", "org-evil", Group.ADMINS);

        assertProblem(send("PUT", "/api/presets/" + id, otherAdmin, withVersion(customPreset("Theirs", 4000), 1)), 404);
        assertProblem(send("DELETE", "/api/presets/" + id, otherAdmin, null), 404);
        assertProblem(send("POST", "/api/presets/" + id + "/clone", otherAdmin, null), 404);
        assertProblem(send("DELETE", "/api/presets/preset-unknown", admin, null), 404);
        assertProblem(send("DELETE", "/api/presets/builtin-unknown", admin, null), 404);
        assertThat(names(body(send("GET", "/api/presets/custom", otherAdmin, null)))).isEmpty();
        assertThat(storedItem(org, id).get("name").s()).isEqualTo("Ours");
    }

    @Test
    void shouldLetOperatorsReadButNotWrite() throws Exception {
        String viewer = issuer.userToken("vic", org, Group.PREMIUM);

        assertThat(send("GET", "/api/presets", operator, null).statusCode()).isEqualTo(200);
        assertProblem(send("POST", "/api/presets", operator, customPreset("Op", 4000)), 403);
        assertProblem(send("POST", "/api/presets/builtin-youtube-hd/clone", operator, null), 403);
        assertProblem(send("POST", "/api/presets/import", operator, "{}"), 403);
        assertProblem(send("DELETE", "/api/presets/builtin-youtube-hd", operator, null), 403);
        assertProblem(send("GET", "/api/presets", viewer, null), 403);
        assertProblem(send("GET", "/internal/presets/builtin-youtube-hd?organization=" + org, admin, null), 403);
        assertThat(storedPresetIds()).isEmpty();
    }

    @Test
    void shouldServeOnePresetToServicesOnTheInternalEndpoint() throws Exception {
        String service = issuer.serviceToken(ServiceClient.STREAMING_CONTROL);

        HttpResponse<String> builtIn = send("GET", "/internal/presets/builtin-x-optimized?organization=" + org, service, null);

        assertThat(builtIn.statusCode()).isEqualTo(200);
        assertThat(body(builtIn).path("name").asString()).isEqualTo("X Optimized");
        assertProblem(send("GET", "/internal/presets/preset-none?organization=" + org, service, null), 404);
        assertProblem(send("GET", "/internal/presets/builtin-x-optimized?organization=" + org,
                issuer.serviceToken(ServiceClient.STREAMING_CONTROL.clientId(), "openid"), null), 403);
    }

    @Test
    void shouldExportAndImportPresetsAllOrNothing() throws Exception {
        send("POST", "/api/presets", admin, customPreset("One", 3000));
        send("POST", "/api/presets", admin, customPreset("Two", 4000));
        JsonNode exported = body(send("GET", "/api/presets/export", admin, null));
        assertThat(exported.path("format").asString()).isEqualTo("lunora-presets/1");
        assertThat(exported.path("presets")).hasSize(2);

        String otherOrgAdmin = issuer.userToken("ian", "org-import-" + System.nanoTime(), Group.ADMINS);
        String broken = exported.toString().replace("\"bitrate_kbps\":4000", "\"bitrate_kbps\":99000");
        assertValidationProblem(send("POST", "/api/presets/import", otherOrgAdmin, broken),
                "presets[1].video.bitrate_kbps", "presets[1].advanced.buffer_size_kbps");
        assertThat(names(body(send("GET", "/api/presets/custom", otherOrgAdmin, null)))).isEmpty();

        HttpResponse<String> imported = send("POST", "/api/presets/import", otherOrgAdmin, exported.toString());
        assertThat(imported.statusCode()).isEqualTo(201);
        assertThat(names(body(send("GET", "/api/presets/custom", otherOrgAdmin, null)))).containsExactly("One", "Two");
        assertValidationProblem(send("POST", "/api/presets/import", otherOrgAdmin,
                "{\"format\":\"other\",\"presets\":[]}"), "format", "presets");
    }

    @Test
    void shouldPublishAnOpenApiDocument() throws Exception {
        HttpResponse<String> docs = send("GET", "/v3/api-docs", issuer.serviceToken(ServiceClient.STREAMING_CONTROL), null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/presets/{id}/clone", "/api/presets/import", "/api/presets/export")
                .doesNotContain("/internal/");
    }

    static String customPreset(String name, int bitrate) {
        return """
                {"name":"%s","platform":"custom",
                 "video":{"resolution":"1920x1080","frame_rate":60,"bitrate_kbps":%d,"codec":"h264",
                          "profile":"high","keyframe_interval_seconds":2,"b_frames":2},
                 "audio":{"codec":"aac","bitrate_kbps":160,"sample_rate_hz":48000,"channels":"stereo"}}"""
                .formatted(name, bitrate);
    }

    static String withVersion(String preset, long version) {
        return preset.substring(0, preset.lastIndexOf('}')) + ",\"version\":" + version + "}";
    }

    static Reply usage(List<String> ids) {
        return new Reply(200, "application/json", "{\"preset_id\":\"p\",\"organization_id\":\"o\",\"destination_ids\":"
                + json.writeValueAsString(ids) + "}");
    }

    private List<String> storedPresetIds() {
        return dynamo.query(q -> q.tableName(TABLE).keyConditionExpression("organization_id = :o")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS(org)))).items().stream()
                .map(i -> i.get("preset_id").s()).toList();
    }

    private Map<String, AttributeValue> storedItem(String scope, String id) {
        return dynamo.getItem(g -> g.tableName(TABLE).key(Map.of("organization_id", AttributeValue.fromS(scope),
                "preset_id", AttributeValue.fromS(id)))).item();
    }

    static List<String> names(JsonNode list) {
        return list.valueStream().map(p -> p.path("name").asString()).toList();
    }

    static JsonNode find(JsonNode list, String id) {
        return list.valueStream().filter(p -> id.equals(p.path("preset_id").asString())).findFirst().orElseThrow();
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

    static void assertValidationProblem(HttpResponse<String> response, String... fields) {
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
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
