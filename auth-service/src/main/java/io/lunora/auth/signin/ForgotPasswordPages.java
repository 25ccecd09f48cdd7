package io.lunora.auth.signin;

import static io.lunora.auth.signin.Pages.codeField;
import static io.lunora.auth.signin.Pages.field;
import static io.lunora.auth.signin.Pages.form;
import static io.lunora.auth.signin.Pages.hidden;
import static io.lunora.auth.signin.Pages.notice;
import static io.lunora.auth.signin.Pages.page;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The "Forgot password" pages: ask for a code, then enter it with the new password. */
final class ForgotPasswordPages {
    static final String MAILED = "If an account with this user name or email address exists, we mailed a reset code"
            + " to its address. It is valid for 15 minutes.";

    private ForgotPasswordPages() {
    }

    static ResponseEntity<String> ask(HttpServletRequest request, HttpStatus status, String error) {
        return page(status, "Forgot your password?", error,
                "<p>Enter your user name or email address. We mail you a code to choose a new password.</p>",
                form(request, "/auth/forgot", "Send code",
                        field("account", "User name or email address", "text", "username")));
    }

    static ResponseEntity<String> enterCode(HttpServletRequest request, HttpStatus status, String error,
            String notice, String account, String policy) {
        return page(status, "Choose a new password", error,
                notice(notice) + "<p id=\"policy\">Password: " + Pages.esc(policy) + "</p>",
                form(request, "/auth/forgot/reset", "Save password",
                        hidden("account", account) + codeField("Reset code from the mail")
                                + field("password", "New password", "password", "new-password")
                                + field("confirmation", "Repeat the new password", "password", "new-password"))
                        + "<p><a href=\"/auth/forgot\">Send a new code</a></p>");
    }

    static ResponseEntity<String> changed(HttpServletRequest request) {
        return page(HttpStatus.OK, "Password changed", null,
                "<p role=\"status\">Your password is changed, and devices signed in with the old one are signed"
                        + " out.</p>", "<p><a id=\"sign-in\" href=\"/login\">Sign in</a></p>");
    }
}
