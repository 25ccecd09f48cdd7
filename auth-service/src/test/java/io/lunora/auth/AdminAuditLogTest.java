package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.auth.users.audit.AuditAction;
import io.lunora.auth.users.audit.AuditEntry;
import io.lunora.auth.users.audit.AuditLog;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/users/audit}: every administrative action on a user is recorded (who, what, whom,
 * when, from where) in DynamoDB Local and read back newest first, paged, admins of the organization
 * only, never with a temporary password in it.
 */
class AdminAuditLogTest extends AuthServerTestBase {

    @Autowired
    AuditLog auditLog;

    @Test
    void shouldRecordEveryAdministrativeActionWithoutTheTemporaryPassword() {
        String token = admin().tokens().accessToken();
        String name = "au" + UUID.randomUUID().toString().substring(0, 8);
        String invitation = invite(token, name, name + "@example.com", "operators");
        String id = users.findByUsername(io.lunora.model.identity.Pool.INTERNAL, name).orElseThrow().id();
        Instant before = Instant.now().minusSeconds(1);

        assertThat(api("PUT", "/api/users/" + id, token, "{\"group\":\"admins\"}").statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/users/" + id + "/disable", token, null).statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/users/" + id + "/disable", token, null).statusCode())
                .as("disabling a disabled user changes nothing and records nothing").isEqualTo(200);
        assertThat(api("POST", "/api/users/" + id + "/enable", token, null).statusCode()).isEqualTo(200);
        HttpResponse<String> reset = api("POST", "/api/users/" + id + "/reset", token, "{\"password\":true,\"mfa\":true}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        String temporary = temporaryPasswordMailedTo(name + "@example.com");

        HttpResponse<String> audit = api("GET", "/api/users/audit?limit=200", token, null);

        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        List<JsonNode> mine = JSON.readTree(audit.body()).path("entries").valueStream()
                .filter(e -> name.equals(e.path("target_username").asString())).toList();
        assertThat(mine).extracting(e -> e.path("action").asString()).containsExactly("PASSWORD_RESET", "MFA_RESET",
                "USER_ENABLED", "USER_DISABLED", "ROLE_CHANGED", "USER_INVITED");
        assertThat(mine).allSatisfy(e -> {
            assertThat(e.path("actor_username").asString()).isEqualTo("admin");
            assertThat(e.path("target_id").asString()).isEqualTo(id);
            assertThat(e.path("address").asString()).isNotBlank();
        });
        assertThat(mine.get(4).path("detail").asString()).isEqualTo("from operators to admins");
        assertThat(Instant.parse(mine.get(0).path("at").asString())).isAfter(before);
        assertThat(audit.body()).doesNotContain(temporary).doesNotContain(invitation);
    }

    @Test
    void shouldPageNewestFirstWithACursor() {
        String token = admin().tokens().accessToken();
        for (int i = 0; i < 3; i++) {
            String name = "pg" + UUID.randomUUID().toString().substring(0, 8);
            invite(token, name, name + "@example.com", "operators");
        }
        List<String> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            HttpResponse<String> page = api("GET", "/api/users/audit?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    token, null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(page.body());
            assertThat(body.path("entries").size()).isLessThanOrEqualTo(2);
            body.path("entries").valueStream().forEach(e -> all.add(e.path("at").asString() + " " + e.path("id").asString()));
            cursor = body.path("next").isNull() || body.path("next").isMissingNode() ? null : body.path("next").asString();
            if (cursor == null) {
                break;
            }
        }
        assertThat(cursor).as("the last page says so").isNull();
        assertThat(all.size()).isGreaterThanOrEqualTo(3).isEqualTo(all.stream().distinct().count());
        List<Instant> times = all.stream().map(s -> Instant.parse(s.substring(0, s.indexOf(' ')))).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void shouldRefuseBadPagingWithTheParameterAtFault() {
        String token = admin().tokens().accessToken();
        assertRefused(api("GET", "/api/users/audit?limit=0", token, null), "limit");
        assertRefused(api("GET", "/api/users/audit?limit=201", token, null), "limit");
        assertRefused(api("GET", "/api/users/audit?limit=many", token, null), "limit");
        assertRefused(api("GET", "/api/users/audit?cursor=" + "x".repeat(20), token, null), "cursor");
    }

    @Test
    void shouldShowOnlyTheOrganizationsEntriesAndOnlyToAdmins() {
        String stranger = "st" + UUID.randomUUID().toString().substring(0, 8);
        auditLog.append(new AuditEntry(UUID.randomUUID().toString(), Instant.now(), "other-org", "someone", "other-admin",
                AuditAction.USER_DISABLED, UUID.randomUUID().toString(), stranger, null, "127.0.0.1"));
        HttpResponse<String> audit = api("GET", "/api/users/audit?limit=200", admin().tokens().accessToken(), null);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).doesNotContain(stranger).doesNotContain("other-admin");
        assertThat(auditLog.page("other-org", 10, null).entries()).extracting(AuditEntry::targetUsername)
                .contains(stranger);

        String name = "na" + UUID.randomUUID().toString().substring(0, 8);
        Onboarded operator = firstSignIn(browser(), "lunora-operator", name,
                invite(admin().tokens().accessToken(), name, name + "@example.com", "operators"), STRONG_PASSWORD);
        HttpResponse<String> refused = api("GET", "/api/users/audit", operator.tokens().accessToken(), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain(name);
        assertThat(api("GET", "/api/users/audit", null, null).statusCode()).isEqualTo(401);
    }

    private static void assertRefused(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").valueStream().map(e -> e.path("field").asString())
                .toList()).containsExactly(field);
    }
}
