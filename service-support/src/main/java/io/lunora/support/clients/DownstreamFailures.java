package io.lunora.support.clients;

import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that turns a downstream service's failed answer into this service's answer to
 * its caller. A 4xx problem is passed on as it was said: same status, title, detail and field
 * {@code errors} (a 409 stays a 409, a 400 keeps its field). A service that cannot be reached,
 * is too slow, answers 5xx or is cut off by its circuit breaker is a 503 naming that service.
 * A 401/403 means this service's own credentials were refused, which the caller cannot fix: 503;
 * so is a 4xx without a problem document (a proxy's page, not the service speaking).
 * Used by {@code ProblemHandling} for every uncaught {@link RestClientException}; callers that
 * catch one and must still fail call {@link #toCallerError}.
 */
public final class DownstreamFailures {
    private static final Logger log = LoggerFactory.getLogger(DownstreamFailures.class);
    static final URI UNAVAILABLE = URI.create("https://lunora.live/problems/downstream-unavailable");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The problem member that carries a downstream's Retry-After (seconds) to the caller's header. */
    static final String RETRY_AFTER = "retry_after_seconds";

    private DownstreamFailures() {
    }

    /** The failure as an exception that answers the caller with {@link #problem}. */
    public static ErrorResponseException toCallerError(RestClientException failure) {
        ProblemDetail problem = problem(failure);
        ErrorResponseException error = new ErrorResponseException(HttpStatusCode.valueOf(problem.getStatus()), problem,
                failure);
        error.getHeaders().addAll(retryAfter(problem));
        return error;
    }

    /** {@code Retry-After} for a problem that passes on a downstream's (e.g. a busy engine's); else none. */
    public static HttpHeaders retryAfter(ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        if (problem.getProperties() != null && problem.getProperties().get(RETRY_AFTER) instanceof Integer seconds) {
            headers.set(HttpHeaders.RETRY_AFTER, seconds.toString());
        }
        return headers;
    }

    /** No token could be had to call another service (the issuer is down): nothing the caller can fix. */
    public static ProblemDetail noServiceToken(String errorCode) {
        log.warn("no service token for a downstream call: {}", errorCode);
        return unavailable(null, "no service token: " + errorCode);
    }

    /** What the caller is told; never the downstream's exception texts, which may hold request data. */
    public static ProblemDetail problem(RestClientException failure) {
        DownstreamUnavailableException unavailable = unavailableIn(failure);
        if (unavailable != null) {
            log.warn("{} unavailable: {}", unavailable.service(), unavailable.reason());
            return unavailable.title() == null ? unavailable(unavailable.service(), unavailable.reason())
                    : busy(unavailable);
        }
        if (failure instanceof HttpClientErrorException refused && !credentialsRefused(refused.getStatusCode())
                && !problemBody(refused).isEmpty()) {
            return passedOn(refused);
        }
        if (failure instanceof RestClientResponseException answered) {
            int status = answered.getStatusCode().value();
            log.warn("a downstream service answered {}", status);
            return unavailable(null, (credentialsRefused(answered.getStatusCode())
                    ? "refused this service's credentials: " : "failed with ") + status);
        }
        log.warn("a downstream answer could not be used: {}", failure.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                "A service this request depends on gave an answer that could not be read.");
        problem.setTitle("Bad gateway");
        return problem;
    }

    private static DownstreamUnavailableException unavailableIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DownstreamUnavailableException d) {
                return d;
            }
        }
        return null;
    }

    private static boolean credentialsRefused(HttpStatusCode status) {
        return status.value() == 401 || status.value() == 403 || status.value() == 407;
    }

    private static ProblemDetail unavailable(String service, String reason) {
        String who = service == null ? "A service this request depends on" : "The " + service;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                who + " did not answer (" + reason + "). Try again shortly.");
        problem.setTitle("Service unavailable");
        problem.setType(UNAVAILABLE);
        if (service != null) {
            problem.setProperty("service", service);
        }
        return problem;
    }

    /**
     * A downstream that said why it could not answer now (the engine's "Engine busy": its commands
     * still run): its title and Retry-After reach the caller, so a client knows to try again.
     */
    private static ProblemDetail busy(DownstreamUnavailableException said) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + said.service() + " answered '" + said.title() + "'. Try again "
                        + (said.retryAfterSeconds() == null ? "shortly." : "in " + said.retryAfterSeconds() + " s."));
        problem.setTitle(said.title());
        problem.setType(UNAVAILABLE);
        problem.setProperty("service", said.service());
        if (said.retryAfterSeconds() != null) {
            problem.setProperty(RETRY_AFTER, said.retryAfterSeconds());
        }
        return problem;
    }

    /** The downstream's own problem, at its status. */
    private static ProblemDetail passedOn(HttpClientErrorException refused) {
        ProblemDetail problem = ProblemDetail.forStatus(refused.getStatusCode());
        Map<?, ?> said = problemBody(refused);
        if (said.get("title") instanceof String title) {
            problem.setTitle(title);
        }
        problem.setDetail(said.get("detail") instanceof String detail ? detail : "The request was refused.");
        if (said.get("type") instanceof String type && !type.isBlank()) {
            problem.setType(URI.create(type));
        }
        if (said.get("errors") != null) {
            problem.setProperty("errors", said.get("errors"));
        }
        return problem;
    }

    private static Map<?, ?> problemBody(HttpClientErrorException refused) {
        MediaType type = refused.getResponseHeaders() == null ? null : refused.getResponseHeaders().getContentType();
        if (type == null || !(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)
                || MediaType.APPLICATION_JSON.isCompatibleWith(type))) {
            return Map.of();
        }
        try {
            return JSON.readValue(refused.getResponseBodyAsByteArray(), Map.class);
        } catch (JacksonException | IllegalArgumentException notJson) {
            return Map.of();
        }
    }
}
