package io.lunora.streaming.alerts.webhooks;

import java.util.List;
import java.util.Optional;

/** Outgoing port: the organization's alert webhooks and their delivery log (the AlertWebhooks table). */
public interface WebhookStore {

    List<Webhook> list(String organizationId);

    Optional<Webhook> find(String organizationId, String webhookId);

    void save(Webhook webhook);

    /** Removes the webhook and its delivery log; removing a missing one is not an error. */
    void delete(String organizationId, String webhookId);

    void append(String organizationId, Delivery delivery);

    /** The webhook's latest deliveries, newest first. */
    List<Delivery> deliveries(String organizationId, String webhookId, int limit);
}
