package io.lunora.streaming.control;

import io.lunora.streaming.media.MediaBackendUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A media backend that failed without an HTTP answer (MediaLive through the SDK) is a 503. Failures
 * of HTTP downstreams (the engine, source-service) are answered by service-support's
 * {@code DownstreamFailures}: a 4xx problem passed on as it was said, anything else 503.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MediaBackendFailures {
    private static final Logger log = LoggerFactory.getLogger(MediaBackendFailures.class);

    @ExceptionHandler(MediaBackendUnavailableException.class)
    ResponseEntity<ProblemDetail> mediaBackend(MediaBackendUnavailableException failure) {
        log.warn("the media backend failed: {}", failure.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The media backend did not answer (" + failure.getMessage() + "). Try again.");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
