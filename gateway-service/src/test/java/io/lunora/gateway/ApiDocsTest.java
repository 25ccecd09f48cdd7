package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.testing.ProjectPaths;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's one OpenAPI document, built from the services' springdoc documents (served here by
 * stand-ins shaped like springdoc's: title "OpenAPI definition", their internal address as
 * server, internal endpoints included): titled and versioned, the gateway's public URL as server,
 * every path of docs/architecture.md's routes table present, no internal one; and Swagger UI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.security.issuer=" + TestIssuer.ISSUER,
        "lunora.gateway.openapi.server-url=https://live.example.test",
        "lunora.gateway.openapi.version=1.2"})
class ApiDocsTest {
    static final TestIssuer ISSUER = new TestIssuer();
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What each service documents (method and path); its internal endpoints among them. */
    static final Map<String, List<String>> DOCUMENTED = Map.of(
            "AUTH", List.of("GET /api/users/me", "GET /api/users", "POST /api/users", "DELETE /api/users/{username}",
                    "GET /api/admin/users/consumers", "PUT /api/admin/users/consumers/{username}/group",
                    "GET /auth/register", "POST /auth/api/register", "GET /api/organizations", "GET /internal/users/{sub}"),
            "SOURCE", List.of("GET /api/sources/config", "PUT /api/sources/config", "DELETE /api/sources/config",
                    "GET /internal/sources/config"),
            "DESTINATION", List.of("GET /api/destinations", "POST /api/destinations", "PUT /api/destinations/{id}",
                    "GET /internal/destinations/{id}/target", "GET /internal/stream-keys/{id}"),
            "PRESET", List.of("GET /api/presets", "POST /api/presets", "DELETE /api/presets/{id}",
                    "GET /internal/presets/{id}"),
            "STREAMING", List.of("POST /api/streaming/start", "GET /api/streaming/status", "GET /api/streaming/events",
                    "GET /api/streaming/sessions/{id}/events", "GET /api/health/medialive", "GET /api/sources/status",
                    "POST /api/sources/switch", "GET /api/sources/{input}/preview", "GET /api/alerts",
                    "POST /api/alerts/{id}/acknowledge", "GET /api/alerts/webhooks", "GET /api/alerts/recipients", "DELETE /api/alerts/recipients/{id}",
                    "GET /api/recordings", "GET /api/recordings/{id}/file", "DELETE /api/recordings/{id}",
                    "GET /api/costs", "GET /api/costs/budget", "PUT /api/costs/budget"),
            "VIEWER", List.of("GET /api/streams", "GET /api/streams/{stream_id}/thumbnail", "POST /api/viewing/start",
                    "GET /api/viewers/me", "POST /api/social/follows", "GET /api/analytics/summary",
                    "GET /api/viewer-admin/streams", "POST /internal/catalog/sessions"));

    static final Map<String, RestartableService> SERVICES = DOCUMENTED.entrySet().stream().collect(
            Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new RestartableService(path -> path.equals("/v3/api-docs")
                    ? RestartableService.Answer.json(springdocDocument(e.getKey(), e.getValue()))
                    : new RestartableService.Answer(404, "application/json", "{}"))));

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("lunora.security.jwk-set-uri", ISSUER::jwkSetUri);
        SERVICES.forEach((name, service) -> registry.add("LUNORA_" + name + "_URI", service::uri));
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
        SERVICES.values().forEach(RestartableService::close);
    }

    @LocalServerPort
    int port;
    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    @Test
    void shouldListEveryPublicRouteOfTheArchitectureTableAndNoInternalOne() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> paths().containsAll(List.of("/api/presets", "/api/streams", "/api/users/me",
                        "/api/sources/config", "/api/destinations", "/api/streaming/status")));
        JsonNode document = apiDocs();
        Set<String> paths = paths();

        assertThat(document.path("info").path("title").asString()).isEqualTo("Lunora Live API");
        assertThat(document.path("info").path("version").asString()).isEqualTo("1.2");
        assertThat(document.path("servers").size()).isEqualTo(1);
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("https://live.example.test");
        for (String path : routesTable().keySet()) {
            if (routesTable().get(path)) {
                assertThat(paths).as("public route %s", path).anyMatch(p -> covers(path, p));
            } else {
                assertThat(paths).as("never routed %s", path).noneMatch(p -> covers(path, p));
            }
        }
        assertThat(paths).noneMatch(p -> p.startsWith("/internal/"));
        assertThat(document.toString()).doesNotContain("127.0.0.1", "OpenAPI definition");
        // a method the route table does not let through is left out of its path
        JsonNode config = document.path("paths").path("/api/sources/config");
        assertThat(config.has("get") && config.has("put")).isTrue();
        assertThat(config.has("delete")).isFalse();
        assertThat(document.path("components").path("schemas").has("PresetView")).isTrue();
        assertThat(document.path("components").path("schemas").has("ProblemDetail")).isTrue();
    }

    @Test
    void shouldServeSwaggerUiOnTheDocument() {
        HttpResponse<String> config = gateway.send("GET", "/v3/api-docs/swagger-config", null);
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(config.body()).contains("/v3/api-docs");
        HttpResponse<String> ui = gateway.send("GET", "/swagger-ui/index.html", null);
        assertThat(ui.statusCode()).as(ui.body()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    private JsonNode apiDocs() {
        HttpResponse<String> response = gateway.send("GET", "/v3/api-docs", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private Set<String> paths() {
        return apiDocs().path("paths").propertyNames().stream().collect(Collectors.toSet());
    }

    /** {@code /api/presets/**} covers {@code /api/presets} and {@code /api/presets/{id}}; other paths only themselves. */
    static boolean covers(String tablePath, String documented) {
        if (tablePath.endsWith("/**")) {
            String prefix = tablePath.substring(0, tablePath.length() - 3);
            return documented.equals(prefix) || documented.startsWith(prefix + "/");
        }
        // a {@code *} stands for one path segment, e.g. /api/alerts/recipients/{id}
        return documented.matches(java.util.regex.Pattern.quote(tablePath).replace("*", "\\E[^/]+\\Q"));
    }

    /**
     * Every path of docs/architecture.md's "Routes and roles" table, true when it is routed (a
     * row whose rule says "never routed" is false); {@code `/` on an app host} is {@code /}.
     */
    static Map<String, Boolean> routesTable() {
        String architecture;
        try {
            architecture = Files.readString(ProjectPaths.root().resolve("docs/architecture.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String section = architecture.substring(architecture.indexOf("## Routes and roles"));
        section = section.substring(0, section.indexOf("\n\n", section.indexOf("| path |")));
        Map<String, Boolean> paths = new LinkedHashMap<>();
        for (String row : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = row.split("(?<!\\\\)\\|");
            boolean routed = !cells[3].contains("never routed");
            Matcher path = Pattern.compile("`([^`]+)`").matcher(cells[1]);
            while (path.find()) {
                paths.put(path.group(1), routed);
            }
        }
        assertThat(paths).hasSizeGreaterThan(20);
        return paths;
    }

    /** A document as springdoc writes one: its own title, its internal address, a schema per service. */
    static String springdocDocument(String service, List<String> operations) {
        Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
        for (String operation : operations) {
            String[] parts = operation.split(" ");
            List<Map<String, Object>> parameters = new ArrayList<>();
            Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(parts[1]);
            while (variable.find()) {
                parameters.add(Map.of("name", variable.group(1), "in", "path", "required", true,
                        "schema", Map.of("type", "string")));
            }
            paths.computeIfAbsent(parts[1], p -> new LinkedHashMap<>()).put(parts[0].toLowerCase(), Map.of(
                    "operationId", parts[0].toLowerCase() + parts[1].replaceAll("[^A-Za-z]", ""),
                    "parameters", parameters,
                    "responses", Map.of("200", Map.of("description", "OK", "content", Map.of("application/json",
                            Map.of("schema", Map.of("$ref", "#/components/schemas/" + schemaOf(service))))))));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", "OpenAPI definition", "version", "v0"));
        document.put("servers", List.of(Map.of("url", "http://127.0.0.1:8083", "description", "Generated server url")));
        document.put("paths", paths);
        document.put("components", Map.of("schemas", Map.of(
                schemaOf(service), Map.of("type", "object", "properties", Map.of("id", Map.of("type", "string"))),
                "ProblemDetail", Map.of("type", "object", "properties", Map.of("status", Map.of("type", "integer"))))));
        return JSON.writeValueAsString(document);
    }

    private static String schemaOf(String service) {
        return service.charAt(0) + service.substring(1).toLowerCase() + "View";
    }
}
