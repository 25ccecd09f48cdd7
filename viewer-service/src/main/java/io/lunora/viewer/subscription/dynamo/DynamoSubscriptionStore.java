package io.lunora.viewer.subscription.dynamo;

import static io.lunora.viewer.dynamo.Attrs.bool;
import static io.lunora.viewer.dynamo.Attrs.flag;
import static io.lunora.viewer.dynamo.Attrs.n;
import static io.lunora.viewer.dynamo.Attrs.num;
import static io.lunora.viewer.dynamo.Attrs.putIfPresent;
import static io.lunora.viewer.dynamo.Attrs.s;
import static io.lunora.viewer.dynamo.Attrs.str;

import io.lunora.viewer.dynamo.ViewerTables;
import io.lunora.viewer.subscription.Subscription;
import io.lunora.viewer.subscription.SubscriptionStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** ViewerSubscriptions in DynamoDB; a viewer's periods are found through {@code viewer_id-index}. */
@Component
class DynamoSubscriptionStore implements SubscriptionStore {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoSubscriptionStore(DynamoDbClient dynamo, ViewerTables tables) {
        this.dynamo = dynamo;
        this.table = tables.subscriptions();
    }

    @Override
    public void put(Subscription s) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subscription_id", s(s.subscriptionId()));
        item.put("viewer_id", s(s.viewerId()));
        item.put("subscription_type", s(s.subscriptionType()));
        item.put("start_date", s(s.startDate()));
        item.put("end_date", s(s.endDate()));
        item.put("payment_status", s(s.paymentStatus()));
        item.put("auto_renew", bool(s.autoRenew()));
        putIfPresent(item, "payment_method_id", s.paymentMethodId());
        putIfPresent(item, "provider", s.provider());
        putIfPresent(item, "payment_id", s.paymentId());
        item.put("amount_cents", n(s.amountCents()));
        item.put("currency", s(s.currency()));
        item.put("created_at", s(s.createdAt()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<Subscription> find(String subscriptionId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("subscription_id", s(subscriptionId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** A viewer's periods, newest first. */
    @Override
    public List<Subscription> byViewer(String viewerId) {
        List<Subscription> result = new ArrayList<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(ViewerTables.VIEWER_INDEX)
                .keyConditionExpression("viewer_id = :v").expressionAttributeValues(Map.of(":v", s(viewerId))).build())
                .items().forEach(item -> result.add(fromItem(item)));
        result.sort(Comparator.comparing(Subscription::startDate).reversed());
        return result;
    }

    @Override
    public List<Subscription> all() {
        List<Subscription> result = new ArrayList<>();
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).items()
                .forEach(item -> result.add(fromItem(item)));
        result.sort(Comparator.comparing(Subscription::startDate).reversed());
        return result;
    }

    /** Ends a period now (upgrade or admin cancel): it stops granting access and will not renew. */
    @Override
    public void endNow(String subscriptionId, String now) {
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("subscription_id", s(subscriptionId)))
                .updateExpression("SET end_date = :now, auto_renew = :f")
                .expressionAttributeValues(Map.of(":now", s(now), ":f", bool(false))));
    }

    @Override
    public void setAutoRenew(String subscriptionId, boolean autoRenew) {
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("subscription_id", s(subscriptionId)))
                .updateExpression("SET auto_renew = :a").expressionAttributeValues(Map.of(":a", bool(autoRenew))));
    }

    /**
     * Takes the right to renew a period: true for exactly one caller, so two renewal runs can never
     * charge twice for the same period.
     */
    @Override
    public boolean claimRenewal(String subscriptionId) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("subscription_id", s(subscriptionId)))
                    .updateExpression("SET auto_renew = :f")
                    .conditionExpression("auto_renew = :t")
                    .expressionAttributeValues(Map.of(":f", bool(false), ":t", bool(true))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Replaces the viewer id of a deleted account's billing records by an anonymous marker. */
    @Override
    public void anonymise(String subscriptionId, String marker) {
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("subscription_id", s(subscriptionId)))
                .updateExpression("SET viewer_id = :m REMOVE payment_method_id")
                .expressionAttributeValues(Map.of(":m", s(marker))));
    }

    private static Subscription fromItem(Map<String, AttributeValue> item) {
        return new Subscription(str(item, "subscription_id"), str(item, "viewer_id"), str(item, "subscription_type"),
                str(item, "start_date"), str(item, "end_date"), str(item, "payment_status"), flag(item, "auto_renew"),
                str(item, "payment_method_id"), str(item, "provider"), str(item, "payment_id"),
                num(item, "amount_cents"), str(item, "currency"), str(item, "created_at"));
    }
}
