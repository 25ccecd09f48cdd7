package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Pool;
import io.lunora.testing.oidc.OidcFlow.Onboarded;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/organizations} with real tokens of this issuer, DynamoDB Local and the embedded SMTP
 * server: the bootstrap admin is the platform admin (scope {@code platform}); it creates an
 * organization whose first admin is invited by mail like any invitee and signs in to a token of the
 * new organization. Everyone else is refused 403; bad input names the field, a taken id is 409,
 * and a failed invitation leaves no organization behind.
 */
class OrganizationApiTest extends AuthServerTestBase {

    @Test
    void shouldLetThePlatformAdminCreateAnOrganizationWhoseFirstAdminSignsInToIt() {
        String platformToken = admin().tokens().accessToken();
        assertThat(claims(platformToken).path("scope").asString().split(" ")).contains("platform");
        String id = newId();
        String adminName = "first-" + id;

        HttpResponse<String> created = api("POST", "/api/organizations", platformToken, body(id, "Acme Studios",
                adminName, adminName + "@acme.example"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/organizations/" + id);
        JsonNode organization = JSON.readTree(created.body());
        assertThat(organization.path("id").asString()).isEqualTo(id);
        assertThat(organization.path("name").asString()).isEqualTo("Acme Studios");
        assertThat(organization.path("first_admin_id").asString())
                .isEqualTo(users.findByUsername(Pool.INTERNAL, adminName).orElseThrow().id());
        assertThat(listedIds(platformToken)).contains("default", id);

        Onboarded firstAdmin = firstSignIn(browser(), "lunora-admin", adminName,
                temporaryPasswordMailedTo(adminName + "@acme.example"), STRONG_PASSWORD);
        JsonNode token = claims(firstAdmin.tokens().accessToken());
        assertThat(token.path("custom:organization").asString()).isEqualTo(id);
        assertThat(token.path("cognito:groups").get(0).asString()).isEqualTo("admins");
        assertThat(token.path("scope").asString().split(" ")).as("an organization's admin is no platform admin")
                .doesNotContain("platform");

        String adminToken = firstAdmin.tokens().accessToken();
        JsonNode ownUsers = JSON.readTree(api("GET", "/api/users", adminToken, null).body());
        assertThat(ownUsers.valueStream().map(u -> u.path("username").asString())).containsExactly(adminName);
        assertThat(api("GET", "/api/users?username=admin", platformToken, null).body())
                .as("the platform's users do not see the new organization's").doesNotContain(adminName);

        List<String> platformLog = auditActions(platformToken, id);
        assertThat(platformLog).containsExactly("ORGANIZATION_CREATED");
        assertThat(auditActions(adminToken, adminName)).as("the new organization's own log says who invited its admin")
                .containsExactly("USER_INVITED");
    }

    @Test
    void shouldRefuseEveryoneButThePlatformAdminWith403() {
        String platformToken = admin().tokens().accessToken();
        String id = newId();
        String adminName = "boss-" + id;
        assertThat(api("POST", "/api/organizations", platformToken,
                body(id, "Other Org", adminName, adminName + "@other.example")).statusCode()).isEqualTo(201);
        String orgAdmin = firstSignIn(browser(), "lunora-admin", adminName,
                temporaryPasswordMailedTo(adminName + "@other.example"), STRONG_PASSWORD).tokens().accessToken();
        String operatorName = "op-" + id;
        String operator = firstSignIn(browser(), "lunora-operator", operatorName,
                invite(orgAdmin, operatorName, operatorName + "@other.example", "operators"), STRONG_PASSWORD)
                .tokens().accessToken();
        String refusedId = newId();

        for (String token : List.of(orgAdmin, operator)) {
            assertForbidden(api("GET", "/api/organizations", token, null));
            assertForbidden(api("POST", "/api/organizations", token,
                    body(refusedId, "Not Allowed", "na-" + refusedId, "na@" + refusedId + ".example")));
        }
        assertThat(api("GET", "/api/organizations", null, null).statusCode()).isEqualTo(401);
        assertThat(listedIds(platformToken)).doesNotContain(refusedId);
        assertThat(users.findByUsername(Pool.INTERNAL, "na-" + refusedId)).isEmpty();
    }

    @Test
    void shouldNameEveryFieldAtFaultAndCreateNothing() {
        String token = admin().tokens().accessToken();

        HttpResponse<String> bad = api("POST", "/api/organizations", token,
                "{\"id\":\"Not Valid!\",\"name\":\"\",\"admin_username\":\"x\",\"admin_email\":\"not-an-email\"}");

        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(bad.body()).path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("id", "name", "admin_username", "admin_email");
        assertThat(listedIds(token)).doesNotContain("Not Valid!");
        assertThat(users.findByUsername(Pool.INTERNAL, "x")).isEmpty();
    }

    @Test
    void shouldAnswer409ForATakenIdAndInviteNobody() {
        String token = admin().tokens().accessToken();
        String id = newId();
        assertThat(api("POST", "/api/organizations", token, body(id, "Twice", "once-" + id, "once-" + id + "@t.example"))
                .statusCode()).isEqualTo(201);

        for (String taken : List.of(id, "default")) {
            HttpResponse<String> again = api("POST", "/api/organizations", token,
                    body(taken, "Twice again", "twice-" + id, "twice-" + id + "@t.example"));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(users.findByUsername(Pool.INTERNAL, "twice-" + id)).isEmpty();
        assertThat(listedIds(token).stream().filter(id::equals)).hasSize(1);
    }

    @Test
    void shouldLeaveNoOrganizationBehindWhenItsFirstAdminCannotBeInvited() {
        String token = admin().tokens().accessToken();
        String id = newId();

        HttpResponse<String> taken = api("POST", "/api/organizations", token,
                body(id, "Half Made", "admin", "someone-" + id + "@h.example"));

        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(400);
        assertThat(JSON.readTree(taken.body()).path("errors").get(0).path("field").asString())
                .isEqualTo("admin_username");
        assertThat(listedIds(token)).doesNotContain(id);
        assertThat(api("POST", "/api/organizations", token, body(id, "Made", "made-" + id, "made-" + id + "@h.example"))
                .statusCode()).as("the id is free again").isEqualTo(201);
    }

    private List<String> listedIds(String token) {
        HttpResponse<String> list = api("GET", "/api/organizations", token, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JSON.readTree(list.body()).valueStream().map(o -> o.path("id").asString()).toList();
    }

    private List<String> auditActions(String token, String target) {
        HttpResponse<String> audit = api("GET", "/api/users/audit?limit=200", token, null);
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        return JSON.readTree(audit.body()).path("entries").valueStream()
                .filter(e -> target.equals(e.path("target_id").asString())
                        || target.equals(e.path("target_username").asString()))
                .map(e -> e.path("action").asString()).toList();
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    private static String newId() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(String id, String name, String adminUsername, String adminEmail) {
        return """
                {"id":"%s","name":"%s","admin_username":"%s","admin_email":"%s"}"""
                .formatted(id, name, adminUsername, adminEmail);
    }
}
