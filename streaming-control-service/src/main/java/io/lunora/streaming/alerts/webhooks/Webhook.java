package io.lunora.streaming.alerts.webhooks;

import java.time.Instant;

/** An admin's alert webhook; its signing secret lives in the secret store, never here. */
public record Webhook(String organizationId, String webhookId, String url, String createdBy, Instant createdAt) {
}
