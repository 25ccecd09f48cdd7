package io.lunora.auth.users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An invitation or reset whose mail the SMTP server refused: 502, and nothing changed. */
@RestControllerAdvice(assignableTypes = {UserAdminController.class, UserResetController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InvitationFailureHandling {
    private static final Logger log = LoggerFactory.getLogger(InvitationFailureHandling.class);

    @ExceptionHandler(MailException.class)
    ResponseEntity<ProblemDetail> mailFailed(MailException ex) {
        return mailNotSent(ex);
    }

    /** The answer to a refused invitation or reset mail; also used where an organization's first admin is invited. */
    public static ResponseEntity<ProblemDetail> mailNotSent(MailException ex) {
        log.warn("Invitation mail not delivered: {}", ex.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "The mail could not be sent, so no user or organization was created and nothing was reset. "
                        + "Try again later.");
        problem.setTitle("Mail delivery failed");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
