package io.lunora.support.dynamo;

import io.lunora.support.problem.ConcurrentChangeException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The safety net for a conditional write whose store lets DynamoDB's exception out instead of
 * throwing {@link ConcurrentChangeException}: the same 409 problem. Ordered before the general
 * problem handling, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice
public class ConditionalWriteProblems implements Ordered {

    @ExceptionHandler(ConditionalCheckFailedException.class)
    ResponseEntity<Object> staleVersion(ConditionalCheckFailedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ConcurrentChangeException.RELOAD);
        problem.setTitle("Stale version");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
