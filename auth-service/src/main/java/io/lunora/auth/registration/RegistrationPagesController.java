package io.lunora.auth.registration;

import io.lunora.auth.signin.Pages;
import io.lunora.auth.users.PasswordPolicy;
import io.lunora.support.problem.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registration and verification pages the viewer apps' sign-in links to. They keep the HTTP
 * session, so the authorization request that sent the browser to the login page is still waiting
 * when the verified viewer signs in.
 */
@Controller
class RegistrationPagesController {
    static final String SENT = "If the address can be used, we mailed a verification code to it. "
            + "Enter it below to finish creating your account.";
    private static final String POLICY = PasswordPolicy.CONSUMER.describe();

    private final RegistrationService registration;

    RegistrationPagesController(RegistrationService registration) {
        this.registration = registration;
    }

    @GetMapping("/auth/register")
    ResponseEntity<String> form(HttpServletRequest request) {
        return Pages.register(request, HttpStatus.OK, null, null, null, POLICY);
    }

    @PostMapping("/auth/register")
    ResponseEntity<String> register(HttpServletRequest request, @RequestParam(required = false) String username,
            @RequestParam(required = false) String email, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation) {
        if (password == null || !password.equals(confirmation)) {
            return Pages.register(request, HttpStatus.BAD_REQUEST, "The two passwords differ.", username, email, POLICY);
        }
        try {
            registration.register(username, email, password);
        } catch (InvalidFieldException refused) {
            String message = (label(refused.field()) + " " + refused.getMessage()).strip();
            return Pages.register(request, HttpStatus.BAD_REQUEST, message, username, email, POLICY);
        } catch (MailException notSent) {
            return Pages.register(request, HttpStatus.BAD_GATEWAY, RegistrationApiController.NOT_SENT, username, email,
                    POLICY);
        }
        return redirect("/auth/verify?sent&username=" + URLEncoder.encode(username.strip(), StandardCharsets.UTF_8));
    }

    @GetMapping("/auth/verify")
    ResponseEntity<String> verifyForm(HttpServletRequest request, @RequestParam(required = false) String username,
            @RequestParam(required = false) String sent) {
        return Pages.verify(request, HttpStatus.OK, null, sent != null ? SENT : null, username);
    }

    @PostMapping("/auth/verify")
    ResponseEntity<String> verify(HttpServletRequest request, @RequestParam(required = false) String username,
            @RequestParam(required = false) String code) {
        if (!registration.verify(username, code)) {
            return Pages.verify(request, HttpStatus.BAD_REQUEST, "That code is not valid or has expired. "
                    + "Check the latest mail, or ask for a new code.", null, username);
        }
        return redirect("/login?verified");
    }

    @PostMapping("/auth/verify/resend")
    ResponseEntity<String> resend(HttpServletRequest request, @RequestParam(required = false) String username) {
        RegistrationService.Resend outcome;
        try {
            outcome = registration.resend(username);
        } catch (MailException notSent) {
            return Pages.verify(request, HttpStatus.BAD_GATEWAY, RegistrationApiController.NOT_SENT, null, username);
        }
        return switch (outcome) {
            case SENT -> Pages.verify(request, HttpStatus.OK, null,
                    "If the account is waiting for verification, we mailed it a new code.", username);
            case TOO_SOON -> Pages.verify(request, HttpStatus.TOO_MANY_REQUESTS,
                    "A code was sent less than a minute ago. Wait a moment before asking for another.", null, username);
        };
    }

    private static String label(String field) {
        return switch (field) {
            case "username" -> "The user name";
            case "email" -> "The email address";
            default -> "";
        };
    }

    private static ResponseEntity<String> redirect(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }
}
