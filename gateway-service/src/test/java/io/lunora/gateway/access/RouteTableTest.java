package io.lunora.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

class RouteTableTest {
    final RouteTable table = new RouteTable(List.of(
            new AccessRule(List.of("/api/users/me"), Set.of("get"), Set.of("operators", "admins"), null),
            new AccessRule(List.of("/api/users/**"), null, Set.of("admins"), null),
            new AccessRule(List.of("/api/streams/**"), Set.of("GET"), Set.of("anonymous"), null)));

    RouteTable.Decision decide(HttpMethod method, String path) {
        return table.decide(method, PathContainer.parsePath(path));
    }

    @Test
    void shouldLetTheFirstMatchingRuleDecide() {
        assertThat(decide(HttpMethod.GET, "/api/users/me")).isEqualTo(
                new RouteTable.Decision.Governed(Set.of("ROLE_OPERATORS", "ROLE_ADMINS"), false));
        assertThat(decide(HttpMethod.PUT, "/api/users/me")).isEqualTo(
                new RouteTable.Decision.Governed(Set.of("ROLE_ADMINS"), false));
    }

    @Test
    void shouldMatchTheBarePrefixOfAWildcardRule() {
        assertThat(decide(HttpMethod.GET, "/api/streams")).isEqualTo(new RouteTable.Decision.Governed(Set.of(), true));
    }

    @Test
    void shouldNameTheAllowedMethodsOfAKnownPath() {
        assertThat(decide(HttpMethod.POST, "/api/streams/s-1"))
                .isEqualTo(new RouteTable.Decision.MethodNotAllowed(Set.of("GET")));
    }

    @Test
    void shouldNotKnowPathsThatNoRuleNames() {
        assertThat(decide(HttpMethod.GET, "/internal/keys")).isInstanceOf(RouteTable.Decision.NotFound.class);
        assertThat(decide(HttpMethod.GET, "/api/userstuff")).isInstanceOf(RouteTable.Decision.NotFound.class);
    }

    @Test
    void shouldRefuseARuleWithAnUnknownGroup() {
        assertThatThrownBy(() -> new AccessRule(List.of("/api/x/**"), null, Set.of("operator"), null))
                .hasMessageContaining("unknown group 'operator'");
    }
}
