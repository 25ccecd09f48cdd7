package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of the contract table (docs/architecture.md) with every kind of caller: allowed
 * callers reach the right service with the path and Authorization header unchanged; the others
 * get 401 (no token) or 403 and nothing reaches a service.
 */
class RouteRoleMatrixTest extends GatewayTestBase {

    enum Caller {
        ANONYMOUS, FREE(Group.FREE), PREMIUM(Group.PREMIUM), VIP(Group.VIP), CONSUMER_ADMIN(Group.CONSUMER_ADMINS),
        OPERATOR(Group.OPERATORS), ADMIN(Group.ADMINS);

        final Group[] groups;

        Caller(Group... groups) {
            this.groups = groups;
        }

        String token() {
            return this == ANONYMOUS ? null : tokenOf(groups);
        }
    }

    record Route(String method, String path, String service, Set<Caller> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final Set<Caller> EVERYONE = Set.of(Caller.values());
    static final Set<Caller> INTERNAL = Set.of(Caller.OPERATOR, Caller.ADMIN);
    static final Set<Caller> ADMINS = Set.of(Caller.ADMIN);
    static final Set<Caller> CONSUMERS = Set.of(Caller.FREE, Caller.PREMIUM, Caller.VIP, Caller.CONSUMER_ADMIN);
    static final Set<Caller> VIEWER_ADMINS = Set.of(Caller.CONSUMER_ADMIN, Caller.ADMIN);

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/sources/status", "STREAMING", INTERNAL),
            new Route("POST", "/api/sources/status", "STREAMING", INTERNAL),
            new Route("GET", "/api/sources/switch", "STREAMING", INTERNAL),
            new Route("POST", "/api/sources/switch", "STREAMING", INTERNAL),
            new Route("GET", "/api/sources/primary/preview", "STREAMING", INTERNAL),
            new Route("GET", "/api/sources/secondary/preview", "STREAMING", INTERNAL),
            new Route("GET", "/api/sources/config", "SOURCE", INTERNAL),
            new Route("PUT", "/api/sources/config", "SOURCE", ADMINS),
            new Route("GET", "/api/destinations", "DESTINATION", INTERNAL),
            new Route("POST", "/api/destinations", "DESTINATION", INTERNAL),
            new Route("PUT", "/api/destinations/d-1", "DESTINATION", INTERNAL),
            new Route("PATCH", "/api/destinations/d-1/enabled", "DESTINATION", INTERNAL),
            new Route("DELETE", "/api/destinations/d-1", "DESTINATION", INTERNAL),
            new Route("GET", "/api/presets", "PRESET", INTERNAL),
            new Route("GET", "/api/presets/p-1", "PRESET", INTERNAL),
            new Route("POST", "/api/presets", "PRESET", ADMINS),
            new Route("PUT", "/api/presets/p-1", "PRESET", ADMINS),
            new Route("DELETE", "/api/presets/p-1", "PRESET", ADMINS),
            new Route("GET", "/api/streaming/status", "STREAMING", INTERNAL),
            new Route("POST", "/api/streaming/start", "STREAMING", INTERNAL),
            new Route("DELETE", "/api/streaming/sessions/s-1", "STREAMING", INTERNAL),
            new Route("GET", "/api/streaming/sessions/s-1/events", "STREAMING", INTERNAL),
            new Route("GET", "/api/health/sources", "STREAMING", INTERNAL),
            new Route("GET", "/api/recordings", "STREAMING", INTERNAL),
            new Route("GET", "/api/recordings/s-1/file", "STREAMING", INTERNAL),
            new Route("DELETE", "/api/recordings/s-1", "STREAMING", INTERNAL),
            new Route("GET", "/api/users/me", "AUTH", INTERNAL),
            new Route("PUT", "/api/users/me", "AUTH", ADMINS),
            new Route("GET", "/api/users", "AUTH", ADMINS),
            new Route("POST", "/api/users", "AUTH", ADMINS),
            new Route("DELETE", "/api/users/u-1", "AUTH", ADMINS),
            new Route("GET", "/api/admin/users", "AUTH", ADMINS),
            new Route("POST", "/api/admin/users/invitations", "AUTH", ADMINS),
            new Route("GET", "/api/streams", "VIEWER", EVERYONE),
            new Route("GET", "/api/streams/s-1", "VIEWER", EVERYONE),
            new Route("GET", "/api/viewers/me", "VIEWER", CONSUMERS),
            new Route("PUT", "/api/viewers/me", "VIEWER", CONSUMERS),
            new Route("GET", "/api/viewing/history", "VIEWER", CONSUMERS),
            new Route("POST", "/api/viewing/sessions", "VIEWER", CONSUMERS),
            new Route("POST", "/api/viewing/start", "VIEWER", EVERYONE),
            new Route("GET", "/api/viewing/start", "VIEWER", CONSUMERS),
            new Route("GET", "/api/social/chat", "VIEWER", CONSUMERS),
            new Route("POST", "/api/social/chat", "VIEWER", CONSUMERS),
            new Route("GET", "/api/analytics/summary", "VIEWER", CONSUMERS),
            new Route("POST", "/api/analytics/events", "VIEWER", CONSUMERS),
            new Route("GET", "/api/viewer-admin/moderation", "VIEWER", VIEWER_ADMINS),
            new Route("POST", "/api/viewer-admin/moderation", "VIEWER", VIEWER_ADMINS),
            new Route("GET", "/oauth2/authorize", "AUTH", EVERYONE),
            new Route("POST", "/oauth2/token", "AUTH", EVERYONE),
            new Route("GET", "/oauth2/jwks", "AUTH", EVERYONE),
            new Route("GET", "/.well-known/openid-configuration", "AUTH", EVERYONE),
            new Route("GET", "/login", "AUTH", EVERYONE),
            new Route("POST", "/login", "AUTH", EVERYONE),
            new Route("POST", "/logout", "AUTH", EVERYONE),
            new Route("GET", "/userinfo", "AUTH", EVERYONE),
            new Route("POST", "/connect/logout", "AUTH", EVERYONE),
            new Route("GET", "/auth/mfa", "AUTH", EVERYONE),
            new Route("POST", "/auth/password", "AUTH", EVERYONE));

    static Stream<Arguments> everyRouteWithEveryCaller() {
        return ROUTES.stream().flatMap(route -> Arrays.stream(Caller.values()).map(c -> Arguments.of(route, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteWithEveryCaller")
    void shouldRouteAllowedCallersAndRefuseTheOthers(Route route, Caller caller) {
        String token = caller.token();

        HttpResponse<String> response = gateway.send(route.method(), route.path(), token);

        if (route.allowed().contains(caller)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains(route.service());
            assertThat(SERVICES.get(route.service()).received()).singleElement().satisfies(received -> {
                assertThat(received.method()).isEqualTo(route.method());
                assertThat(received.path()).isEqualTo(route.path());
                assertThat(received.authorization()).isEqualTo(token == null ? null : "Bearer " + token);
            });
            assertThat(everythingReceived()).hasSize(1);
        } else {
            assertProblem(response, caller == Caller.ANONYMOUS ? 401 : 403);
            assertThat(everythingReceived()).isEmpty();
        }
    }

    static Stream<Arguments> neverRoutedPathsWithEveryCaller() {
        return Stream.of("GET /internal/stream-keys/d-1", "POST /internal/sessions",
                        "GET /internal/streaming/channel?organization=org-1", "GET /actuator/env",
                        "GET /actuator/prometheus", "POST /actuator/shutdown", "GET /api/sources/internal",
                        "GET /nothing-here")
                .flatMap(request -> Arrays.stream(Caller.values()).map(c -> Arguments.of(request, c)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("neverRoutedPathsWithEveryCaller")
    void shouldNeverRouteInternalOrActuatorPaths(String request, Caller caller) {
        String[] parts = request.split(" ");

        HttpResponse<String> response = gateway.send(parts[0], parts[1], caller.token());

        assertProblem(response, 404);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldRejectPathTraversalTowardsInternalPaths() {
        for (String path : List.of("/api/streams/../../internal/x", "/api/streams/%2e%2e/%2e%2e/internal/x",
                "/api/streams/..%2F..%2Finternal%2Fx")) {
            HttpResponse<String> response = gateway.send("GET", path, tokenOf(Group.ADMINS));

            assertProblem(response, 400);
        }
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldAnswerMethodNotListedForARouteWith405() {
        HttpResponse<String> response = gateway.send("PATCH", "/api/sources/config", tokenOf(Group.ADMINS));

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET,PUT");
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldRefuseWritesToThePublicStreamList() {
        assertProblem(gateway.send("DELETE", "/api/streams/s-1", tokenOf(Group.ADMINS)), 405);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldAnswer404WhenAnAllowedPathHasNoService() {
        HttpResponse<String> response = gateway.send("GET", "/api/admin/settings", tokenOf(Group.ADMINS));

        assertProblem(response, 404);
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldServeOwnHealthWithoutRouting() {
        HttpResponse<String> response = gateway.send("GET", "/actuator/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
        assertThat(everythingReceived()).isEmpty();
    }

    @Test
    void shouldKeepThePublicHostForTheIssuer() {
        gateway.send("GET", "/.well-known/openid-configuration", null);

        assertThat(SERVICES.get("AUTH").received()).singleElement()
                .satisfies(r -> assertThat(r.host()).isEqualTo("localhost:" + port));
    }
}
