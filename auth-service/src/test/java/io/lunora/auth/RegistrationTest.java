package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.auth.users.UserAccount;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.testing.oidc.Browser;
import io.lunora.testing.oidc.OidcFlow.Authorization;
import io.lunora.testing.oidc.OidcFlow.Tokens;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * Consumer self-registration through the sign-in pages of the viewer apps and the JSON API: a
 * code mailed by real SMTP (the embedded server's inbox), no sign-in before it is entered, then
 * authorization code + PKCE through lunora-watch with group free.
 */
class RegistrationTest extends AuthServerTestBase {
    private static final Pattern CODE = Pattern.compile("Verification code: (\\d{6})");

    @Test
    void shouldRegisterVerifyTheMailedCodeAndThenSignInThroughWatchAsFree() {
        Browser browser = browser();
        Authorization watch = newAuthorization("lunora-watch", "watch");
        HttpResponse<String> login = authorize(browser, watch);
        assertThat(login.body()).contains("href=\"/auth/register\"");

        HttpResponse<String> form = browser.get("/auth/register");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"username\">", "<label for=\"email\">", "<label for=\"password\">",
                "<label for=\"confirmation\">", "name=\"_csrf\"", "At least 8 characters");
        HttpResponse<String> sent = browser.follow(browser.submit("/auth/register", Map.of("username", "nina",
                "email", "nina@viewers.example.com", "password", "Sunrise42", "confirmation", "Sunrise42")));
        assertThat(sent.uri().getPath()).isEqualTo("/auth/verify");
        assertThat(sent.body()).contains("we mailed a verification code").contains("value=\"nina\"");
        String code = codeMailedTo("nina@viewers.example.com");

        HttpResponse<String> early = flow().signIn(browser, watch, "nina", "Sunrise42");
        assertThat(early.statusCode()).isEqualTo(403);
        assertThat(early.body()).contains("not verified yet").contains("action=\"/auth/verify/resend\"");
        assertThat(browser.submit("/auth/verify", Map.of("username", "nina", "code", wrong(code))).statusCode())
                .isEqualTo(400);
        HttpResponse<String> verified = browser.follow(browser.submit("/auth/verify",
                Map.of("username", "nina", "code", code)));
        assertThat(verified.uri().getPath()).isEqualTo("/login");
        assertThat(verified.body()).contains("Your email address is verified");

        Tokens tokens = exchange(watch, browser.follow(browser.submit("/login",
                Map.of("username", "nina", "password", "Sunrise42"))));
        JsonNode access = claims(tokens.accessToken());
        assertThat(access.path("cognito:groups").toString()).isEqualTo("[\"free\"]");
        assertThat(access.path("client_id").asString()).isEqualTo("lunora-watch");
        assertThat(access.path("username").asString()).isEqualTo("nina");
        UserAccount stored = users.findByUsername(Pool.CONSUMER, "nina").orElseThrow();
        assertThat(stored.group()).isEqualTo(Group.FREE);
        assertThat(stored.emailVerified()).isTrue();
        assertThat(stored.passwordHash()).doesNotContain("Sunrise42");
        assertThat(users.findByUsername(Pool.INTERNAL, "nina")).as("the internal pool is another namespace").isEmpty();
    }

    @Test
    void shouldRefuseBadInputWithHtmlErrorsAndStoreNothing() {
        Browser browser = browser();
        browser.get("/auth/register");
        Map<String, String> good = Map.of("username", "otto", "email", "otto@viewers.example.com",
                "password", "Sunrise42", "confirmation", "Sunrise42");
        List<Map.Entry<Map<String, String>, String>> cases = List.of(
                Map.entry(with(good, "password", "sunrise42", "confirmation", "sunrise42"), "an upper-case letter"),
                Map.entry(with(good, "password", "Sun42", "confirmation", "Sun42"), "at least 8 characters"),
                Map.entry(with(good, "password", "Sunriseee", "confirmation", "Sunriseee"), "a digit"),
                Map.entry(with(good, "confirmation", "Sunrise43"), "The two passwords differ."),
                Map.entry(with(good, "email", "not-an-address"), "The email address must be a valid email address"),
                Map.entry(with(good, "username", "<b>x</b>"), "The user name must be 3 to 64"));
        for (var c : cases) {
            HttpResponse<String> refused = browser.submit("/auth/register", c.getKey());
            assertThat(refused.statusCode()).as(c.getValue()).isEqualTo(400);
            assertThat(refused.body()).contains("role=\"alert\"").contains(c.getValue()).doesNotContain("<b>x</b>")
                    .doesNotContain("Sunrise4").doesNotContain("sunrise42");
        }
        assertThat(users.findByUsername(Pool.CONSUMER, "otto")).isEmpty();
        assertThat(users.findByEmail(Pool.CONSUMER, "otto@viewers.example.com")).isEmpty();
        assertThat(mailsTo("otto@viewers.example.com")).isEmpty();
    }

    @Test
    void shouldGiveTheSameAnswerForARegisteredEmailWithoutCreatingAnAccountAndTellItsOwner() {
        HttpResponse<String> first = api("POST", "/auth/api/register", null,
                "{\"username\":\"paula\",\"email\":\"paula@viewers.example.com\",\"password\":\"Sunrise42\"}");
        HttpResponse<String> again = api("POST", "/auth/api/register", null,
                "{\"username\":\"paula2\",\"email\":\"Paula@Viewers.example.com\",\"password\":\"Sunrise42\"}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body().replace("paula", "paula2"));
        assertThat(users.findByUsername(Pool.CONSUMER, "paula2")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo("paula@viewers.example.com").size() == 2);
        assertThat(text(mailsTo("paula@viewers.example.com").get(1))).contains("already belongs to your account")
                .contains("user name: paula").doesNotContain("Verification code");

        HttpResponse<String> takenName = api("POST", "/auth/api/register", null,
                "{\"username\":\"PAULA\",\"email\":\"other@viewers.example.com\",\"password\":\"Sunrise42\"}");
        assertProblemField(takenName, 400, "username");
        assertThat(mailsTo("other@viewers.example.com")).isEmpty();
    }

    @Test
    void shouldVerifyThroughTheJsonApiAndRefuseBadInputAsProblems() {
        assertProblemField(api("POST", "/auth/api/register", null,
                "{\"username\":\"quinn\",\"email\":\"quinn@viewers.example.com\",\"password\":\"weak\"}"), 400, "password");
        assertProblemField(api("POST", "/auth/api/register", null,
                "{\"username\":\"quinn\",\"email\":\"quinn@viewers.example.com\"}"), 400, "password");
        assertThat(users.findByUsername(Pool.CONSUMER, "quinn")).isEmpty();

        HttpResponse<String> accepted = api("POST", "/auth/api/register", null,
                "{\"username\":\"quinn\",\"email\":\"quinn@viewers.example.com\",\"password\":\"Sunrise42\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"status\":\"verification_pending\"").doesNotContain("Sunrise42");
        String code = codeMailedTo("quinn@viewers.example.com");
        assertProblemField(api("POST", "/auth/api/verify", null, "{\"username\":\"quinn\",\"code\":\"" + wrong(code)
                + "\"}"), 400, "code");
        HttpResponse<String> verified = api("POST", "/auth/api/verify", null,
                "{\"username\":\"quinn\",\"code\":\"" + code + "\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body()).contains("\"status\":\"verified\"");
        assertThat(users.findByUsername(Pool.CONSUMER, "quinn").orElseThrow().emailVerified()).isTrue();
        assertProblemField(api("POST", "/auth/api/verify", null, "{\"username\":\"quinn\",\"code\":\"" + code + "\"}"),
                400, "code");
    }

    @Test
    void shouldRateLimitResendingAndSpendACodeAfterFiveWrongAttempts() {
        api("POST", "/auth/api/register", null,
                "{\"username\":\"rosa\",\"email\":\"rosa@viewers.example.com\",\"password\":\"Sunrise42\"}");
        String code = codeMailedTo("rosa@viewers.example.com");

        HttpResponse<String> tooSoon = api("POST", "/auth/api/verify/resend", null, "{\"username\":\"rosa\"}");
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(tooSoon.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("60");
        Browser browser = browser();
        browser.get("/auth/verify?username=rosa");
        assertThat(browser.submit("/auth/verify/resend", Map.of("username", "rosa")).statusCode()).isEqualTo(429);
        assertThat(api("POST", "/auth/api/verify/resend", null, "{\"username\":\"nobody-here\"}").statusCode())
                .as("an unknown name gets the answer of a sent code").isEqualTo(202);
        assertThat(mailsTo("rosa@viewers.example.com")).hasSize(1);

        for (int i = 0; i < 5; i++) {
            api("POST", "/auth/api/verify", null, "{\"username\":\"rosa\",\"code\":\"" + wrong(code) + "\"}");
        }
        assertProblemField(api("POST", "/auth/api/verify", null, "{\"username\":\"rosa\",\"code\":\"" + code + "\"}"),
                400, "code");
        assertThat(users.findByUsername(Pool.CONSUMER, "rosa").orElseThrow().emailVerified()).isFalse();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void shouldKeepPasswordsAndCodesOutOfResponsesAndLogs(CapturedOutput output) {
        HttpResponse<String> accepted = api("POST", "/auth/api/register", null,
                "{\"username\":\"sven\",\"email\":\"sven@viewers.example.com\",\"password\":\"Leak-Check-77\"}");
        String code = codeMailedTo("sven@viewers.example.com");
        HttpResponse<String> verified = api("POST", "/auth/api/verify", null,
                "{\"username\":\"sven\",\"code\":\"" + code + "\"}");

        assertThat(accepted.body() + verified.body()).doesNotContain("Leak-Check-77").doesNotContain(code);
        assertThat(output.getAll()).contains("registered").doesNotContain("Leak-Check-77")
                .doesNotContain("Verification code: " + code);
    }

    @Test
    void shouldCreateNothingWhenTheMailServerRefusesTheCode() {
        greenMail.stop();
        HttpResponse<String> refused;
        try {
            refused = api("POST", "/auth/api/register", null,
                    "{\"username\":\"tara\",\"email\":\"tara@viewers.example.com\",\"password\":\"Sunrise42\"}");
        } finally {
            greenMail.start();
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
        assertThat(refused.body()).contains("could not be sent");
        assertThat(users.findByUsername(Pool.CONSUMER, "tara")).isEmpty();
    }

    private String codeMailedTo(String email) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(email).isEmpty());
        List<MimeMessage> mails = mailsTo(email);
        Matcher m = CODE.matcher(text(mails.getLast()));
        assertThat(m.find()).as("the mail carries a code").isTrue();
        return m.group(1);
    }

    private List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(msg -> {
            try {
                return Arrays.toString(msg.getAllRecipients()).equalsIgnoreCase("[" + email + "]");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static Map<String, String> with(Map<String, String> base, String... changes) {
        Map<String, String> copy = new java.util.HashMap<>(base);
        for (int i = 0; i < changes.length; i += 2) {
            copy.put(changes[i], changes[i + 1]);
        }
        return copy;
    }

    private static void assertProblemField(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }
}
