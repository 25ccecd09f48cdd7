package io.lunora.viewer.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.viewer.ServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 rows 15 and 16 over HTTP: chat, comments, reports and catalog titles refuse NUL, BEL,
 * ESC, right-to-left overrides and lone surrogates with a problem naming the field, store nothing
 * of it, and store composed (NFC) text. JSON bodies are written by hand: a lone surrogate exists in
 * JSON only as a \\u escape.
 */
class FreeTextApiTest extends ServiceTest {

    @Test
    void shouldRefuseControlCharactersOverridesAndLoneSurrogatesInChat() {
        String stream = liveStream("public", "games", "Free text room");
        String token = viewer(unique("typist"), Group.FREE);
        for (String escaped : new String[] {"nul \\u0000", "bell \\u0007", "esc \\u001b[2J", "gpj.\\u202eexe",
                "half \\ud800 pair", "two\\nlines"}) {
            assertProblem(post("/api/social/chat/" + stream, token, "{\"text\":\"" + escaped + "\"}"), 400, "text");
        }
        assertProblem(post("/api/social/comment", token,
                "{\"stream_id\":\"%s\",\"text\":\"x\\udc00\"}".formatted(stream)), 400, "text");
        assertProblem(post("/api/social/report", token,
                "{\"stream_id\":\"%s\",\"report_type\":\"spam\",\"description\":\"see \\u202e\"}".formatted(stream)),
                400, "description");
        assertThat(body(get("/api/social/comments/" + stream, token)).size()).isZero();

        assertThat(post("/api/social/comment", token,
                "{\"stream_id\":\"%s\",\"text\":\"\\u1100\\u1161 says\\nhi 🎥\"}".formatted(stream)).statusCode()).isEqualTo(201);
        JsonNode stored = body(get("/api/social/comments/" + stream, token)).get(0);
        assertThat(stored.path("text").asString()).as("stored composed").isEqualTo("\uac00 says\nhi 🎥");
    }

    @Test
    void shouldRefuseALoneSurrogateInACatalogTitleNamingTheField() {
        String stream = liveStream("public", "games", "Title room");
        JsonNode entry = body(get("/api/viewer-admin/catalog", admin())).valueStream()
                .filter(e -> e.path("stream_id").asString().equals(stream)).findFirst().orElseThrow();
        HttpResponse<String> refused = put("/api/viewer-admin/catalog/" + stream, admin(), """
                {"title":"bad \\ud83c title","description":"ok","category":"games","access_level":"public","version":%d}"""
                .formatted(entry.path("version").asLong()));
        assertProblem(refused, 400, "title");
        assertThat(body(refused).toString()).contains("unpaired surrogate");
        HttpResponse<String> overridden = put("/api/viewer-admin/catalog/" + stream, admin(), """
                {"title":"fine","description":"line\\u202e","category":"games","access_level":"public","version":%d}"""
                .formatted(entry.path("version").asLong()));
        assertProblem(overridden, 400, "description");
    }
}
