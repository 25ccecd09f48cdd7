package io.lunora.engine.api;

import io.lunora.engine.loop.EngineBusyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A command that outlived its deadline answers 503 with a hint to retry, never a hanging call. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineBusyProblem {

    @ExceptionHandler(EngineBusyException.class)
    ResponseEntity<ProblemDetail> busy(EngineBusyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setTitle("Engine busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2").body(problem);
    }
}
