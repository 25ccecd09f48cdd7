package io.lunora.auth.registration;

import io.lunora.support.problem.InvalidFieldException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same registration for the web apps, as JSON: {@code POST /auth/api/register},
 * {@code /auth/api/verify} and {@code /auth/api/verify/resend}. Public and stateless (no session,
 * no CSRF token); the gateway's rate limits apply.
 */
@RestController
class RegistrationApiController {
    static final String NOT_SENT = "The verification mail could not be sent, so nothing changed. Try again later.";
    private static final Logger log = LoggerFactory.getLogger(RegistrationApiController.class);

    private final RegistrationService registration;

    RegistrationApiController(RegistrationService registration) {
        this.registration = registration;
    }

    record RegisterRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {
    }

    record VerifyRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 16) String code) {
    }

    record ResendRequest(@NotBlank @Size(max = 64) String username) {
    }

    /** The one answer to every accepted registration, whether or not the address already had an account. */
    record Pending(String username, String status, String message) {
    }

    record Verified(String username, String status) {
    }

    @PostMapping("/auth/api/register")
    ResponseEntity<Pending> register(@Valid @RequestBody RegisterRequest body) {
        registration.register(body.username(), body.email(), body.password());
        return ResponseEntity.accepted().body(new Pending(body.username().strip(), "verification_pending",
                RegistrationPagesController.SENT));
    }

    @PostMapping("/auth/api/verify")
    Verified verify(@Valid @RequestBody VerifyRequest body) {
        if (!registration.verify(body.username(), body.code())) {
            throw new InvalidFieldException("code", "is not valid or has expired");
        }
        return new Verified(body.username().strip(), "verified");
    }

    @PostMapping("/auth/api/verify/resend")
    ResponseEntity<?> resend(@Valid @RequestBody ResendRequest body) {
        return switch (registration.resend(body.username())) {
            case SENT -> ResponseEntity.accepted().body(new Pending(body.username().strip(), "verification_pending",
                    "If the account is waiting for verification, a new code was mailed to it."));
            case TOO_SOON -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                        "A code was sent less than a minute ago. Wait before asking for another.");
                problem.setTitle("Too Many Requests");
                yield ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "60")
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
        };
    }

    @ExceptionHandler(MailException.class)
    ResponseEntity<ProblemDetail> mailFailed(MailException ex) {
        log.warn("Verification mail not delivered: {}", ex.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, NOT_SENT);
        problem.setTitle("Mail delivery failed");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
