package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Several users disabled or enabled at once, all or none, each change in the audit log; the user list
 * as CSV. Real tokens, DynamoDB Local.
 */
class UserBulkAndExportTest extends AuthServerTestBase {

    @Test
    void shouldDisableAndEnableSeveralUsersAtOnceAndAuditEachChange() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String token = admin().tokens().accessToken();
        invite(token, "ba" + tag, "ba." + tag + "@example.com", "operators");
        invite(token, "bb" + tag, "bb." + tag + "@example.com", "operators");
        String first = idOf("ba" + tag);
        String second = idOf("bb" + tag);

        HttpResponse<String> disabled = api("POST", "/api/users/bulk", token,
                "{\"action\":\"disable\",\"user_ids\":[\"" + first + "\",\"" + second + "\",\"" + first + "\"]}");

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(JSON.readTree(disabled.body()).valueStream().map(u -> u.path("id").asString()).toList())
                .as("each user once, in the order asked").containsExactly(first, second);
        assertThat(user("ba" + tag).path("enabled").asBoolean()).isFalse();
        assertThat(user("bb" + tag).path("enabled").asBoolean()).isFalse();
        HttpResponse<String> audit = api("GET", "/api/users/audit", token, null);
        assertThat(audit.body()).contains("ba" + tag, "bb" + tag);

        HttpResponse<String> enabled = api("POST", "/api/users/bulk", token,
                "{\"action\":\"enable\",\"user_ids\":[\"" + first + "\",\"" + second + "\"]}");
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(user("ba" + tag).path("enabled").asBoolean()).isTrue();
        assertThat(user("bb" + tag).path("enabled").asBoolean()).isTrue();
    }

    @Test
    void shouldChangeNobodyWhenOneOfTheUsersIsAtFaultAndNameIt() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String token = admin().tokens().accessToken();
        invite(token, "bc" + tag, "bc." + tag + "@example.com", "operators");
        String kept = idOf("bc" + tag);
        String self = idOf("admin");

        assertRefused(api("POST", "/api/users/bulk", token,
                "{\"action\":\"disable\",\"user_ids\":[\"" + kept + "\",\"no-such-user\"]}"), "user_ids[1]");
        assertRefused(api("POST", "/api/users/bulk", token,
                "{\"action\":\"disable\",\"user_ids\":[\"" + kept + "\",\"" + self + "\"]}"), "user_ids[1]");
        assertThat(user("bc" + tag).path("enabled").asBoolean()).as("nobody was changed").isTrue();
        assertRefused(api("POST", "/api/users/bulk", token, "{\"action\":\"delete\",\"user_ids\":[\"" + kept + "\"]}"),
                "action");
        assertRefused(api("POST", "/api/users/bulk", token, "{\"action\":\"disable\",\"user_ids\":[]}"), "user_ids");
    }

    @Test
    void shouldExportTheSearchedUsersAsCsvWithFormulasDefused() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String token = admin().tokens().accessToken();
        invite(token, "be" + tag, "=cmd." + tag + "@example.com", "operators");

        HttpResponse<String> csv = api("GET", "/api/users/export?q=" + tag, token, null);

        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"lunora-users.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("user_id,username,email,group,enabled");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(idOf("be" + tag) + ",be" + tag + ",'=cmd." + tag + "@example.com,operators,true");
        assertThat(csv.body()).doesNotContain("password", "$2a$");
    }

    private String idOf(String username) {
        return user(username).path("id").asString();
    }

    private JsonNode user(String username) {
        HttpResponse<String> list = api("GET", "/api/users?username=" + username, admin().tokens().accessToken(), null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JSON.readTree(list.body()).valueStream().filter(u -> u.path("username").asString().equals(username))
                .findFirst().orElseThrow(() -> new AssertionError(username + " not in " + list.body()));
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").asString()).toList()).as(response.body())
                .containsExactly(field);
    }
}
