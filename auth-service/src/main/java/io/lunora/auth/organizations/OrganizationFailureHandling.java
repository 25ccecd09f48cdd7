package io.lunora.auth.organizations;

import io.lunora.auth.users.InvitationFailureHandling;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The first admin's invitation mail refused: 502 as for any invitation, and the organization was removed again. */
@RestControllerAdvice(assignableTypes = OrganizationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrganizationFailureHandling {

    @ExceptionHandler(MailException.class)
    ResponseEntity<ProblemDetail> mailFailed(MailException ex) {
        return InvitationFailureHandling.mailNotSent(ex);
    }
}
