package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The viewer web apps and the player's hls.js as the gateway serves them: open to anonymous viewers, read only. */
class ViewerAppRoutesTest extends GatewayTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/watch/", "/watch/profile", "/watch/callback", "/player/", "/player/callback",
            "/viewer-admin/", "/viewer-admin/moderation"})
    void shouldServeTheViewerAppShellsToAnonymousCallers(String path) {
        HttpResponse<String> response = gateway.send("GET", path, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<script type=\"module\" src=\"/" + path.split("/")[1] + "/app.js\">");
        assertThat(everythingReceived()).as("served by the gateway itself").isEmpty();
    }

    @Test
    void shouldServeHlsJsFromItsWebJarAsJavaScript() {
        HttpResponse<String> response = gateway.send("GET", "/vendor/hls.js/hls.min.js", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(response.body()).contains("isSupported");
    }

    @Test
    void shouldLetThePlayerUseMediaSourceObjectUrlsAndNothingElseFromOutside() {
        HttpResponse<String> response = gateway.send("GET", "/player/", null);

        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; media-src 'self' blob:; img-src 'self' blob:");
        assertThat(response.body()).contains("<script src=\"/vendor/hls.js/hls.min.js\">");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/vendor/other.js", "/vendor/hls.js/hls.light.min.js", "/watch/missing.js"})
    void shouldServeNothingElseUnderTheViewerPaths(String path) {
        assertProblem(gateway.send("GET", path, null), 404);
    }

    @Test
    void shouldAllowOnlyReadingTheViewerApps() {
        assertProblem(gateway.send("POST", "/watch/", null), 405);
    }
}
