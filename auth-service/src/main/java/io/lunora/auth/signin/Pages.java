package io.lunora.auth.signin;

import jakarta.servlet.http.HttpServletRequest;
import io.lunora.auth.mfa.QrCode;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The server-rendered sign-in pages: plain HTML forms with labels, the CSRF token as a hidden
 * field, errors announced with {@code role="alert"}. Every dynamic value is HTML-escaped.
 */
public final class Pages {
    private Pages() {
    }

    static ResponseEntity<String> login(HttpServletRequest request, String error, String notice,
            boolean offerRegistration) {
        return page(HttpStatus.OK, "Sign in", error, notice(notice),
                form(request, "/login", "Sign in",
                        field("username", "User name", "text", "username")
                                + field("password", "Password", "password", "current-password"))
                        + (offerRegistration ? "<p>New to Lunora Live? <a id=\"register\" href=\"/auth/register\">"
                                + "Create an account</a>. Registered but not verified? <a href=\"/auth/verify\">"
                                + "Enter your code</a>.</p>" : "")
                        + "<p><a id=\"forgot-password\" href=\"/auth/forgot\">Forgot your password?</a></p>");
    }

    /** Self-registration of a viewer; {@code username} and {@code email} refill the form after an error. */
    public static ResponseEntity<String> register(HttpServletRequest request, HttpStatus status, String error,
            String username, String email, String policy) {
        return page(status, "Create your account", error,
                "<p id=\"policy\">Password: " + esc(policy) + "</p>",
                form(request, "/auth/register", "Create account",
                        field("username", "User name", "text", "username", username)
                                + field("email", "Email address", "email", "email", email)
                                + field("password", "Password", "password", "new-password", null)
                                + field("confirmation", "Repeat the password", "password", "new-password", null))
                        + "<p>Already have an account? Go back to your application and sign in.</p>");
    }

    /** The mailed code's page, with the form that asks for a new code. */
    public static ResponseEntity<String> verify(HttpServletRequest request, HttpStatus status, String error,
            String notice, String username) {
        return page(status, "Verify your email address", error,
                notice(notice) + "<p>We mailed a 6-digit code to the address of your account.</p>",
                form(request, "/auth/verify", "Verify",
                        field("username", "User name", "text", "username", username)
                                + codeField("Verification code"))
                        + "<h2>No code?</h2>"
                        + form(request, "/auth/verify/resend", "Send a new code",
                        hidden("username", username)));
    }

    static String notice(String notice) {
        return notice == null ? "" : "<p role=\"status\">" + esc(notice) + "</p>";
    }

    static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value == null ? "" : value) + "\">";
    }

    static ResponseEntity<String> setPassword(HttpServletRequest request, HttpStatus status, String error,
            String policy) {
        return page(status, "Choose a new password", error,
                "<p>You signed in with a temporary or expired password. Choose a new one.</p>"
                        + "<p id=\"policy\">" + esc(policy) + "</p>",
                form(request, "/auth/password", "Save password",
                        field("password", "New password", "password", "new-password")
                                + field("confirmation", "Repeat the new password", "password", "new-password")));
    }

    static ResponseEntity<String> enrolMfa(HttpServletRequest request, HttpStatus status, String error, String secret,
            String otpauthUri) {
        return page(status, "Set up two-step verification", error,
                "<p>Scan this code with your authenticator app (or paste the link or the key into it), "
                        + "then enter the 6-digit code it shows.</p>"
                        + QrCode.svg(otpauthUri, "totp-qr", "QR code of the authenticator link")
                        + "<p>Key: <code id=\"totp-secret\">" + esc(secret) + "</code></p>"
                        + "<p>Link: <a id=\"otpauth-uri\" href=\"" + esc(otpauthUri) + "\">" + esc(otpauthUri) + "</a></p>",
                form(request, "/auth/mfa/setup", "Verify", codeField("Code from your authenticator app")));
    }

    static ResponseEntity<String> backupCodes(HttpServletRequest request, List<String> codes) {
        StringBuilder list = new StringBuilder("<ul id=\"backup-codes\">");
        codes.forEach(c -> list.append("<li><code>").append(esc(c)).append("</code></li>"));
        list.append("</ul>");
        return page(HttpStatus.OK, "Save your backup codes", null,
                "<p>Two-step verification is on. Each backup code below signs you in once when your "
                        + "authenticator is not at hand. They are shown only now: store them safely.</p>" + list
                        + "<p><button type=\"button\" id=\"copy-backup-codes\">Copy</button> "
                        + "<button type=\"button\" id=\"download-backup-codes\">Download as a text file</button> "
                        + "<span id=\"backup-codes-outcome\" role=\"status\"></span></p>"
                        + "<script src=\"/auth/assets/backup-codes.js\"></script>",
                form(request, "/auth/continue", "I stored them, continue", ""));
    }

    static ResponseEntity<String> mfaChallenge(HttpServletRequest request, HttpStatus status, String error) {
        return page(status, "Two-step verification", error,
                "<p>Enter the 6-digit code from your authenticator app, or one of your backup codes.</p>",
                form(request, "/auth/mfa", "Verify", codeField("Code or backup code")));
    }

    static ResponseEntity<String> message(HttpStatus status, String title, String text) {
        return page(status, title, null, "<p>" + esc(text) + "</p>", "");
    }

    static String codeField(String label) {
        return "<label for=\"code\">" + esc(label) + "</label>"
                + "<input id=\"code\" name=\"code\" type=\"text\" inputmode=\"numeric\" autocomplete=\"one-time-code\" "
                + "required maxlength=\"16\">";
    }

    static String field(String name, String label, String type, String autocomplete) {
        return field(name, label, type, autocomplete, null);
    }

    static String field(String name, String label, String type, String autocomplete, String value) {
        return "<label for=\"" + name + "\">" + esc(label) + "</label>"
                + "<input id=\"" + name + "\" name=\"" + name + "\" type=\"" + type + "\" autocomplete=\""
                + autocomplete + "\"" + (value == null ? "" : " value=\"" + esc(value) + "\"") + " required>";
    }

    static String form(HttpServletRequest request, String action, String submit, String fields) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String hidden = csrf == null ? "" : "<input type=\"hidden\" name=\"" + esc(csrf.getParameterName())
                + "\" value=\"" + esc(csrf.getToken()) + "\">";
        return "<form method=\"post\" action=\"" + action + "\">" + hidden + fields
                + "<button type=\"submit\">" + esc(submit) + "</button></form>";
    }

    static ResponseEntity<String> page(HttpStatus status, String title, String error, String intro,
            String body) {
        String alert = error == null ? "" : "<p role=\"alert\" class=\"error\">" + esc(error) + "</p>";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · Lunora Live</title>"
                + "<link rel=\"stylesheet\" href=\"/auth/assets/signin.css\">"
                + "</head><body><header><span class=\"brand\">Lunora Live</span></header>"
                + "<main><h1>" + esc(title) + "</h1>" + alert + intro + body + "</main>"
                + "<footer>Lunora Live · sign-in</footer></body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(html);
    }

    static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
