package io.lunora.support.clients;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every call to one downstream service goes through its circuit breaker; idempotent calls (GET,
 * HEAD, PUT, DELETE, or a request with attribute {@link ServiceClients#IDEMPOTENT}) are retried
 * with exponential backoff when the service is unreachable, too slow or answers 5xx. A 4xx is an
 * answer, not a failure: neither retried nor counted. Whatever is left after retries is thrown as
 * {@link DownstreamUnavailableException}; an open breaker throws at once, without a connection.
 */
final class ResilientCallInterceptor implements ClientHttpRequestInterceptor {
    private static final Set<HttpMethod> IDEMPOTENT_METHODS =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.OPTIONS);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_PROBLEM_BYTES = 4096;

    private final String service;
    private final CircuitBreaker breaker;
    private final Retry retry;

    ResilientCallInterceptor(String service, CircuitBreaker breaker, Retry retry) {
        this.service = service;
        this.breaker = breaker;
        this.retry = retry;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        CheckedSupplier<ClientHttpResponse> once = () -> breaker.executeCheckedSupplier(
                () -> failOnServerError(execution.execute(request, body)));
        try {
            return idempotent(request) ? retry.executeCheckedSupplier(once::get) : once.get();
        } catch (CallNotPermittedException open) {
            throw new DownstreamUnavailableException(service, "circuit open after repeated failures", open);
        } catch (SocketTimeoutException slow) {
            throw new DownstreamUnavailableException(service, "no answer in time", slow);
        } catch (ServerError failed) {
            throw new DownstreamUnavailableException(service, "failed with " + failed.status.value(), failed.title,
                    failed.retryAfterSeconds, failed);
        } catch (IOException unreachable) {
            throw new DownstreamUnavailableException(service, "not reachable", unreachable);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable other) {
            throw new IllegalStateException(other);
        }
    }

    static boolean idempotent(HttpRequest request) {
        return IDEMPOTENT_METHODS.contains(request.getMethod())
                || Boolean.TRUE.equals(request.getAttributes().get(ServiceClients.IDEMPOTENT));
    }

    /** A 5xx counts as a failure for breaker and retry; the answer is closed here. */
    private static ClientHttpResponse failOnServerError(ClientHttpResponse response) throws IOException {
        HttpStatusCode status = response.getStatusCode();
        if (!status.is5xxServerError()) {
            return response;
        }
        try (response) {
            throw new ServerError(status, problemTitle(response), retryAfterSeconds(response.getHeaders()));
        }
    }

    /**
     * The title of a problem document answered with the 5xx (e.g. the engine's "Engine busy"): a
     * fixed text of the service's own, never request data. The detail is not kept, it may echo some.
     */
    private static String problemTitle(ClientHttpResponse response) {
        MediaType type = response.getHeaders().getContentType();
        if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
            return null;
        }
        try (var body = response.getBody()) {
            JsonNode title = JSON.readTree(body.readNBytes(MAX_PROBLEM_BYTES)).path("title");
            return title.isString() && !title.asString().isBlank() ? title.asString().strip() : null;
        } catch (IOException | JacksonException unreadable) {
            return null;
        }
    }

    /** {@code Retry-After} in seconds (its date form is not used between our services). */
    private static Integer retryAfterSeconds(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        return value != null && value.strip().matches("\\d{1,5}") ? Integer.valueOf(value.strip()) : null;
    }

    /** A downstream's 5xx: its status, the title of its problem document and its Retry-After, if any. */
    static final class ServerError extends IOException {
        final HttpStatusCode status;
        final String title;
        final Integer retryAfterSeconds;

        ServerError(HttpStatusCode status, String title, Integer retryAfterSeconds) {
            super("answered " + status.value());
            this.status = status;
            this.title = title == null || title.length() > 80 ? null : title;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
