package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.testing.oidc.Browser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The sign-in pages render under the gateway's CSP ({@code default-src 'self'}): no inline style or script. */
class SignInPagesTest extends AuthServerTestBase {

    @Test
    void shouldStyleThePagesFromAFileTheContentSecurityPolicyAllows() {
        Browser browser = browser();

        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> css = browser.get("/auth/assets/signin.css");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("href=\"/auth/assets/signin.css\"")
                .doesNotContain("<style").doesNotContain("style=").doesNotContain("<script");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.body()).contains("font-family");
    }
}
