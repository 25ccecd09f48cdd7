package io.lunora.streaming.alerts.dynamo;

import io.lunora.streaming.alerts.webhooks.Delivery;
import io.lunora.streaming.alerts.webhooks.Webhook;
import io.lunora.streaming.alerts.webhooks.WebhookStore;
import io.lunora.support.dynamo.TableNames;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** The AlertWebhooks table (see {@link WebhookItem}); the delivery log is kept 30 days. */
@Component
class DynamoWebhookStore implements WebhookStore {
    private static final String WEBHOOK = "w#";
    private static final String DELIVERY = "d#";
    private static final Duration KEEP_LOG = Duration.ofDays(30);
    /** Fixed width, so that keys sort as times do. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final DynamoDbTable<WebhookItem> table;

    DynamoWebhookStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("AlertWebhooks"), TableSchema.fromBean(WebhookItem.class));
    }

    @Override
    public List<Webhook> list(String organizationId) {
        return table.query(QueryEnhancedRequest.builder().consistentRead(true)
                .queryConditional(QueryConditional.sortBeginsWith(k -> k.partitionValue(organizationId).sortValue(WEBHOOK)))
                .build()).items().stream().map(DynamoWebhookStore::toWebhook).toList();
    }

    @Override
    public Optional<Webhook> find(String organizationId, String webhookId) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder().consistentRead(true)
                .key(key(organizationId, WEBHOOK + webhookId)).build())).map(DynamoWebhookStore::toWebhook);
    }

    @Override
    public void save(Webhook webhook) {
        WebhookItem item = new WebhookItem();
        item.setOrganizationId(webhook.organizationId());
        item.setItemKey(WEBHOOK + webhook.webhookId());
        item.setWebhookId(webhook.webhookId());
        item.setUrl(webhook.url());
        item.setCreatedBy(webhook.createdBy());
        item.setCreatedAt(webhook.createdAt().toString());
        table.putItem(item);
    }

    @Override
    public void delete(String organizationId, String webhookId) {
        table.deleteItem(key(organizationId, WEBHOOK + webhookId));
        table.query(QueryConditional.sortBeginsWith(k -> k.partitionValue(organizationId)
                        .sortValue(DELIVERY + webhookId + "#"))).items()
                .forEach(d -> table.deleteItem(key(organizationId, d.getItemKey())));
    }

    @Override
    public void append(String organizationId, Delivery d) {
        WebhookItem item = new WebhookItem();
        item.setOrganizationId(organizationId);
        item.setItemKey(DELIVERY + d.webhookId() + "#" + TIME.format(d.time()) + "#"
                + UUID.randomUUID().toString().substring(0, 8));
        item.setWebhookId(d.webhookId());
        item.setAlertId(d.alertId());
        item.setAlertState(d.alertState());
        item.setAttempt(d.attempt());
        item.setOutcome(d.outcome());
        item.setHttpStatus(d.httpStatus());
        item.setError(d.error());
        item.setTime(d.time().toString());
        item.setExpiresAt(d.time().plus(KEEP_LOG).getEpochSecond());
        table.putItem(item);
    }

    @Override
    public List<Delivery> deliveries(String organizationId, String webhookId, int limit) {
        return table.query(QueryEnhancedRequest.builder().consistentRead(true).scanIndexForward(false)
                        .queryConditional(QueryConditional.sortBeginsWith(k -> k.partitionValue(organizationId)
                                .sortValue(DELIVERY + webhookId + "#")))
                        .build()).items().stream().limit(limit)
                .map(i -> new Delivery(i.getWebhookId(), i.getAlertId(), i.getAlertState(), i.getAttempt(),
                        i.getOutcome(), i.getHttpStatus(), i.getError(), Instant.parse(i.getTime())))
                .toList();
    }

    private static Key key(String organizationId, String itemKey) {
        return Key.builder().partitionValue(organizationId).sortValue(itemKey).build();
    }

    private static Webhook toWebhook(WebhookItem i) {
        return new Webhook(i.getOrganizationId(), i.getWebhookId(), i.getUrl(), i.getCreatedBy(),
                Instant.parse(i.getCreatedAt()));
    }
}
