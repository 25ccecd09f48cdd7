package io.lunora.streaming.alerts.dynamo;

import io.lunora.streaming.alerts.AlertKind;
import io.lunora.streaming.alerts.AlertSeverity;
import io.lunora.streaming.alerts.mail.AlertRecipient;
import io.lunora.streaming.alerts.mail.AlertRecipientStore;
import io.lunora.support.dynamo.TableNames;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** The AlertRecipients table (see {@link AlertRecipientItem}). */
@Component
class DynamoAlertRecipientStore implements AlertRecipientStore {
    private final DynamoDbTable<AlertRecipientItem> table;

    DynamoAlertRecipientStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("AlertRecipients"), TableSchema.fromBean(AlertRecipientItem.class));
    }

    @Override
    public List<AlertRecipient> list(String organizationId) {
        return table.query(QueryEnhancedRequest.builder().consistentRead(true)
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(organizationId))).build())
                .items().stream().map(DynamoAlertRecipientStore::toRecipient).toList();
    }

    @Override
    public Optional<AlertRecipient> find(String organizationId, String recipientId) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder().consistentRead(true)
                .key(key(organizationId, recipientId)).build())).map(DynamoAlertRecipientStore::toRecipient);
    }

    @Override
    public void save(AlertRecipient r) {
        AlertRecipientItem item = new AlertRecipientItem();
        item.setOrganizationId(r.organizationId());
        item.setRecipientId(r.recipientId());
        item.setEmail(r.email());
        item.setMinimumSeverity(r.minimumSeverity().value());
        item.setKinds(r.kinds().isEmpty() ? null
                : r.kinds().stream().map(AlertKind::value).collect(Collectors.toSet()));
        item.setCreatedBy(r.createdBy());
        item.setCreatedAt(r.createdAt().toString());
        table.putItem(item);
    }

    @Override
    public void delete(String organizationId, String recipientId) {
        table.deleteItem(key(organizationId, recipientId));
    }

    private static Key key(String organizationId, String recipientId) {
        return Key.builder().partitionValue(organizationId).sortValue(recipientId).build();
    }

    /** A kind or severity this version does not know (written by a newer one) is left out, not an error. */
    private static AlertRecipient toRecipient(AlertRecipientItem i) {
        Set<AlertKind> kinds = i.getKinds() == null ? Set.of() : i.getKinds().stream().map(AlertKind::parse)
                .flatMap(Optional::stream).collect(Collectors.toSet());
        return new AlertRecipient(i.getOrganizationId(), i.getRecipientId(), i.getEmail(),
                AlertSeverity.parse(i.getMinimumSeverity()).orElse(AlertSeverity.CRITICAL), kinds, i.getCreatedBy(),
                Instant.parse(i.getCreatedAt()));
    }
}
