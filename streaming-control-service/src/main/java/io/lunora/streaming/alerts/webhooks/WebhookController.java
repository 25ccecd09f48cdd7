package io.lunora.streaming.alerts.webhooks;

import io.lunora.support.security.Caller;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/alerts/webhooks} (admins): the endpoints alert changes are POSTed to, and each one's
 * delivery log. A webhook's URL often carries a token of its own (chat tools put it in the path),
 * so after creation it is answered as its scheme and host only.
 */
@RestController
@RequestMapping("/api/alerts/webhooks")
class WebhookController {
    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    record CreateWebhook(String url) {
    }

    record WebhookView(String webhookId, String urlMasked, String createdBy, Instant createdAt) {
        static WebhookView of(Webhook w) {
            URI uri = URI.create(w.url());
            String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
            return new WebhookView(w.webhookId(), uri.getScheme() + "://" + uri.getHost() + port + "/…", w.createdBy(),
                    w.createdAt());
        }
    }

    /** @param secret signs the deliveries ({@code Lunora-Signature}); answered here only, never again */
    record CreatedWebhook(String webhookId, String urlMasked, String createdBy, Instant createdAt, String secret) {
    }

    record Webhooks(List<WebhookView> webhooks) {
    }

    record Deliveries(List<Delivery> deliveries) {
    }

    @GetMapping
    Webhooks list(Caller caller) {
        return new Webhooks(webhooks.list(caller).stream().map(WebhookView::of).toList());
    }

    @PostMapping
    ResponseEntity<CreatedWebhook> create(Caller caller, @RequestBody(required = false) CreateWebhook body) {
        WebhookService.Created created = webhooks.create(caller, body == null ? null : body.url());
        WebhookView view = WebhookView.of(created.webhook());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedWebhook(view.webhookId(), view.urlMasked(),
                view.createdBy(), view.createdAt(), created.secret()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        webhooks.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    Deliveries deliveries(Caller caller, @PathVariable @Pattern(regexp = ID) String id,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 100) {
            throw new io.lunora.support.problem.InvalidFieldException("limit", "limit must be between 1 and 100");
        }
        return new Deliveries(webhooks.deliveries(caller, id, limit));
    }
}
