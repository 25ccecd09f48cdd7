package io.lunora.viewer.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.viewer.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 row 9: the viewer side shared by every organization. An organization's admin sees and
 * edits their organization's catalog entries only (another's answers 404, as one that does not
 * exist) and cannot administer viewers, plans, moderation or the platform's figures (403); consumer
 * admins and the platform's own admins (organization {@code default}) can. A session of another
 * organization cannot take an entry over by naming its stream id.
 */
class ViewerSideOrganizationsTest extends ServiceTest {
    private static final String ENTRY = """
            {"stream_id":"%s","title":"%s","category":"news","access_level":"public"}""";

    private final String adminA = issuer.userToken(unique("ada"), "org-a", Group.ADMINS);
    private final String adminB = issuer.userToken(unique("bob"), "org-b", Group.ADMINS);
    private final String platformAdmin = issuer.userToken(unique("root"), "default", Group.ADMINS);

    @Test
    void shouldKeepEachOrganizationsAdminToTheirOwnCatalogEntries() {
        String ours = unique("a");
        String theirs = unique("b");
        assertThat(post("/api/viewer-admin/catalog", adminA, ENTRY.formatted(ours, "A news")).statusCode()).isEqualTo(201);
        assertThat(post("/api/viewer-admin/catalog", adminB, ENTRY.formatted(theirs, "B news")).statusCode()).isEqualTo(201);

        assertThat(ids(adminA)).contains(ours).doesNotContain(theirs);
        assertThat(ids(adminB)).contains(theirs).doesNotContain(ours);
        assertThat(ids(admin())).as("a consumer admin").contains(ours, theirs);
        assertThat(ids(platformAdmin)).as("the platform's admin").contains(ours, theirs);

        assertProblem(put("/api/viewer-admin/catalog/" + ours, adminB, """
                {"title":"Taken","category":"news","access_level":"public","version":1}"""), 404, null);
        assertProblem(put("/api/viewer-admin/catalog/" + ours + "/featured", adminB, "{\"featured\":true}"), 404, null);
        assertProblem(put("/api/viewer-admin/catalog/" + ours + "/restore", adminB, ""), 404, null);
        assertProblem(delete("/api/viewer-admin/catalog/" + ours, adminB), 404, null);
        assertThat(body(get("/api/streams/" + ours, null)).path("title").asString()).isEqualTo("A news");
        assertThat(put("/api/viewer-admin/catalog/" + ours, adminA, """
                {"title":"A news, edited","category":"news","access_level":"public","version":1}""").statusCode())
                .isEqualTo(200);
        assertThat(ids(adminA)).as("an edit keeps the entry in its organization").contains(ours);
    }

    @Test
    void shouldRefuseASessionOfAnotherOrganizationTheEntryByItsStreamId() {
        String ours = unique("a");
        assertThat(post("/api/viewer-admin/catalog", adminA, ENTRY.formatted(ours, "A show")).statusCode()).isEqualTo(201);

        assertThat(post("/internal/catalog/sessions", streamingControlToken(), """
                {"stream_id":"%s","session_id":"s-b","organization_id":"org-b","is_live":true,
                 "hls_url":"/hls/org-b/master.m3u8","started_at":"2026-01-01T00:00:00Z"}""".formatted(ours)).statusCode())
                .isEqualTo(409);
        assertThat(body(get("/api/streams/" + ours, null)).path("is_live").asBoolean()).isFalse();
        assertThat(post("/internal/catalog/sessions", streamingControlToken(), """
                {"stream_id":"%s","session_id":"s-a","organization_id":"org-a","is_live":true,
                 "hls_url":"/hls/org-a/master.m3u8","started_at":"2026-01-01T00:00:00Z"}""".formatted(ours)).statusCode())
                .isEqualTo(204);
    }

    @Test
    void shouldLeaveViewersPlansModerationAndPlatformFiguresToThePlatform() {
        for (String path : List.of("/api/viewer-admin/viewers", "/api/viewer-admin/subscriptions",
                "/api/viewer-admin/moderation", "/api/viewer-admin/analytics")) {
            assertThat(get(path, adminB).statusCode()).as("an organization's admin: " + path).isEqualTo(403);
            assertThat(get(path, admin()).statusCode()).as("a consumer admin: " + path).isEqualTo(200);
            assertThat(get(path, platformAdmin).statusCode()).as("the platform's admin: " + path).isEqualTo(200);
        }
        assertThat(put("/api/viewer-admin/viewers/" + viewerId("vic") + "/disabled", adminB, "{\"disabled\":true}")
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/viewer-admin/categories/rename", adminB, "{\"from\":\"news\",\"to\":\"old news\"}")
                .statusCode()).isEqualTo(403);
        assertThat(get("/api/viewer-admin/categories", adminB).statusCode()).isEqualTo(200);
    }

    private List<String> ids(String token) {
        JsonNode entries = body(get("/api/viewer-admin/catalog", token));
        return entries.valueStream().map(e -> e.path("stream_id").asString()).toList();
    }
}
