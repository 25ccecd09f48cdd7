package io.lunora.streaming.alerts.webhooks;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.lunora.streaming.alerts.Alert;
import io.lunora.streaming.alerts.AlertListener;
import io.lunora.streaming.alerts.AlertProperties;
import io.lunora.streaming.alerts.AlertView;
import io.lunora.support.net.AddressGuard;
import io.lunora.support.net.GuardedConnector;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs every alert change to each webhook of its organization as JSON signed with the webhook's
 * secret ({@link WebhookSignature}), in the background. An attempt that gets no 2xx is retried with
 * exponential backoff (Resilience4j Retry) up to {@code lunora.alerts.webhook-attempts} attempts;
 * each attempt is written to the delivery log. Redirects are not followed and the host is vetted
 * again before every delivery and connected to at the vetted address ({@link WebhookPost}), so a
 * webhook cannot be turned towards the deployment's own network after it was saved, nor by a DNS
 * answer that changes between the check and the connection.
 */
@Component
class WebhookDelivery implements AlertListener, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final WebhookStore store;
    private final WebhookService webhooks;
    private final AlertProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final WebhookPost http;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    WebhookDelivery(WebhookStore store, WebhookService webhooks, GuardedConnector webhookConnector,
            AlertProperties properties, JsonMapper json, Clock clock) {
        this.store = store;
        this.webhooks = webhooks;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = new WebhookPost(webhookConnector, properties.webhookTimeout());
    }

    @Override
    public void changed(Alert alert) {
        String body = json.writeValueAsString(Map.of("event", "alert.changed", "organization_id",
                alert.organizationId(), "alert", AlertView.of(alert)));
        for (Webhook webhook : store.list(alert.organizationId())) {
            background.submit(() -> deliver(webhook, alert, body));
        }
    }

    private void deliver(Webhook webhook, Alert alert, String body) {
        String secret = webhooks.secretOf(webhook.webhookId()).orElse(null);
        if (secret == null) {
            log.warn("Webhook {} has no secret; not delivered", webhook.webhookId());
            return;
        }
        int attempts = properties.webhookAttempts();
        Retry retry = Retry.of("webhook-" + webhook.webhookId(), RetryConfig.<Integer>custom()
                .maxAttempts(attempts)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.webhookFirstBackoff(), 2.0))
                .retryOnResult(status -> status < 200 || status > 299)
                .retryExceptions(IOException.class)
                .build());
        AtomicInteger attempt = new AtomicInteger();
        try {
            Retry.decorateCheckedSupplier(retry, () -> attempt(webhook, alert, body, secret, attempt.incrementAndGet(),
                    attempts)).get();
        } catch (RefusedHost refused) {
            log(webhook, alert, attempt.get(), "refused", null, null);
        } catch (Throwable gaveUp) {
            log.warn("Webhook {} failed after {} attempts: {}", webhook.webhookId(), attempt.get(),
                    gaveUp.getClass().getSimpleName());
        }
    }

    /** One POST; its outcome goes to the delivery log. Answers the status, or throws when none came. */
    private int attempt(Webhook webhook, Alert alert, String body, String secret, int n, int attempts)
            throws IOException, RefusedHost {
        Map<String, String> headers = Map.of("Content-Type", "application/json", "User-Agent", "Lunora-Alerts/1",
                WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant().getEpochSecond(), body));
        try {
            int status = http.send(URI.create(webhook.url()), headers, body);
            boolean ok = status >= 200 && status <= 299;
            log(webhook, alert, n, ok ? "delivered" : n == attempts ? "gave_up" : "failed", status, null);
            return status;
        } catch (AddressGuard.RefusedException refused) {
            throw new RefusedHost();
        } catch (IOException failed) { // UnknownHostException included
            log(webhook, alert, n, n == attempts ? "gave_up" : "failed", null, failed.getClass().getSimpleName());
            throw failed;
        }
    }

    private void log(Webhook webhook, Alert alert, int attempt, String outcome, Integer status, String error) {
        try {
            store.append(webhook.organizationId(), new Delivery(webhook.webhookId(), alert.alertId(),
                    alert.state().value(), attempt, outcome, status, error, clock.instant()));
        } catch (RuntimeException storeDown) {
            log.warn("Delivery log of webhook {} not written: {}", webhook.webhookId(),
                    storeDown.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }

    /** The host resolves into the deployment's network now: no attempt, and no retry. */
    private static final class RefusedHost extends Exception {
        RefusedHost() {
            super(null, null, false, false);
        }
    }
}
