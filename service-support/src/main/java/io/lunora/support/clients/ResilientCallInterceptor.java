package io.lunora.support.clients;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

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
            throw new DownstreamUnavailableException(service, "failed with " + failed.status.value(), failed);
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
        response.close();
        throw new ServerError(status);
    }

    /** A downstream's 5xx; its body is not kept, it may echo request data. */
    static final class ServerError extends IOException {
        final HttpStatusCode status;

        ServerError(HttpStatusCode status) {
            super("answered " + status.value());
            this.status = status;
        }
    }
}
