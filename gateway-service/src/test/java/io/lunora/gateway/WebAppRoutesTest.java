package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator and admin web apps as the gateway serves them: shells to anyone, files as they are, nothing else. */
class WebAppRoutesTest extends GatewayTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/stream/", "/stream/callback", "/stream/live", "/admin/", "/admin/users", "/admin/callback"})
    void shouldServeTheAppShellForEveryScreenToAnonymousCallers(String path) {
        HttpResponse<String> response = gateway.send("GET", path, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("<script type=\"module\" src=\"/" + path.split("/")[1] + "/app.js\">");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; media-src 'self' blob:; img-src 'self' blob:");
        assertThat(everythingReceived()).as("served by the gateway itself").isEmpty();
    }

    @Test
    void shouldServeModulesAsJavaScriptAndStylesAsCss() {
        HttpResponse<String> module = gateway.send("GET", "/assets/auth.js", null);
        HttpResponse<String> styles = gateway.send("GET", "/assets/app.css", null);

        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(module.body()).contains("code_challenge_method");
        assertThat(styles.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    }

    @Test
    void shouldRedirectTheBareAppPathToItsRoot() {
        HttpResponse<String> response = gateway.send("GET", "/admin", null);

        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stream/missing.js", "/assets/missing.css", "/assets/", "/admin/img/none.png"})
    void shouldAnswer404ForFilesThatAreNotPartOfTheApps(String path) {
        assertProblem(gateway.send("GET", path, null), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/stream/..%2Fadmin%2Fapp.js", "/assets/../admin/app.js", "/stream/%2e%2e/%2e%2e/application.yml",
            "/assets/..%5c..%5capplication.yml"})
    void shouldServeNothingOutsideTheAppFolders(String path) {
        HttpResponse<String> response = gateway.send("GET", path, null);

        assertThat(response.statusCode()).as("refused by the firewall or not found").isIn(400, 404);
        assertThat(response.body()).doesNotContain("lunora:").doesNotContain("import ");
    }

    @Test
    void shouldAllowOnlyReadingTheApps() {
        assertProblem(gateway.send("POST", "/stream/", tokenOf(Group.OPERATORS)), 405);
        assertProblem(gateway.send("DELETE", "/admin/users", tokenOf(Group.ADMINS)), 405);
    }
}
