package io.lunora.streaming.control;

import io.lunora.streaming.media.MediaBackendUnavailableException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where a failure of a service this one calls (the media engine, MediaLive,
 * source-service, ...), or of the token to call it, becomes the caller's answer. A downstream 4xx problem+json is the caller's
 * own mistake or a state they can act on (400 with its {@code errors}, 404, 409 "no channel"): it is
 * answered with the same status, title, detail and field errors. Everything else — no connection,
 * a timeout, a 5xx, a 4xx without a problem document, or 401/403 (this service's own credentials
 * were refused, nothing the caller can fix) — is 503 problem+json. Only the status is logged:
 * downstream texts can hold request data.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DownstreamFailures {
    private static final Logger log = LoggerFactory.getLogger(DownstreamFailures.class);
    private static final Set<Integer> OUR_CREDENTIALS = Set.of(401, 403, 407);
    static final String UNAVAILABLE = "A service this request needs (the media backend or the source configuration) "
            + "did not answer. Check that it runs, then try again.";

    private final JsonMapper json;

    DownstreamFailures(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler(RestClientResponseException.class)
    ResponseEntity<ProblemDetail> answered(RestClientResponseException answer) {
        int status = answer.getStatusCode().value();
        MediaType type = answer.getResponseHeaders() == null ? null : answer.getResponseHeaders().getContentType();
        if (answer.getStatusCode().is4xxClientError() && !OUR_CREDENTIALS.contains(status)
                && type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
            ProblemDetail relayed = relay(status, answer.getResponseBodyAsString());
            if (relayed != null) {
                return problem(relayed);
            }
        }
        log.warn("a downstream service answered HTTP {}", status);
        return unavailable(UNAVAILABLE);
    }

    @ExceptionHandler(RestClientException.class)
    ResponseEntity<ProblemDetail> unreachable(RestClientException failure) {
        log.warn("a downstream service was not reached: {}", failure.getClass().getSimpleName());
        return unavailable(UNAVAILABLE);
    }

    /** The token for calling another service was not issued: nothing the caller can fix. */
    @ExceptionHandler(OAuth2AuthorizationException.class)
    ResponseEntity<ProblemDetail> noServiceToken(OAuth2AuthorizationException failure) {
        log.warn("no service token for a downstream call: {}", failure.getError().getErrorCode());
        return unavailable(UNAVAILABLE);
    }

    @ExceptionHandler(MediaBackendUnavailableException.class)
    ResponseEntity<ProblemDetail> mediaBackend(MediaBackendUnavailableException failure) {
        log.warn("the media backend failed: {}", failure.getMessage());
        return unavailable("The media backend did not answer (" + failure.getMessage() + "). Try again.");
    }

    /** The downstream problem's own status, title, detail, type and field errors; null when unreadable. */
    private ProblemDetail relay(int status, String body) {
        Map<?, ?> document;
        try {
            document = json.readValue(body, Map.class);
        } catch (JacksonException notJson) {
            return null;
        }
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (document.get("title") instanceof String title) {
            problem.setTitle(title);
        }
        if (document.get("detail") instanceof String detail) {
            problem.setDetail(detail);
        }
        if (document.get("type") instanceof String type && type.startsWith("https://")) {
            try {
                problem.setType(URI.create(type));
            } catch (IllegalArgumentException notAUri) {
                // the status and detail still say it
            }
        }
        if (document.get("errors") != null) {
            problem.setProperty("errors", document.get("errors"));
        }
        return problem;
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Service unavailable");
        return problem(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
