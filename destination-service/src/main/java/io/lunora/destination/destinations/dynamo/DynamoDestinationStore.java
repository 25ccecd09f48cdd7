package io.lunora.destination.destinations.dynamo;

import io.lunora.destination.destinations.Destination;
import io.lunora.destination.destinations.DestinationStore;
import io.lunora.support.dynamo.TableNames;
import io.lunora.support.problem.ConflictException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@code Destinations} on DynamoDB; the version attribute makes every write conditional. */
@Component
class DynamoDestinationStore implements DestinationStore {
    static final String STALE = "The destination was changed since you read it. Reload it and apply your change again.";

    private final DynamoDbTable<DestinationItem> table;

    DynamoDestinationStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("Destinations"), TableSchema.fromBean(DestinationItem.class));
    }

    @Override
    public Optional<Destination> find(String organizationId, String destinationId) {
        return Optional.ofNullable(table.getItem(r -> r.key(key(organizationId, destinationId)).consistentRead(true)))
                .map(DynamoDestinationStore::toDestination);
    }

    @Override
    public List<Destination> list(String organizationId) {
        return table.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(organizationId).build()))
                .items().stream().map(DynamoDestinationStore::toDestination).toList();
    }

    @Override
    public Destination create(Destination destination) {
        DestinationItem item = toItem(destination);
        item.setVersion(null); // the version extension then requires the item to be new
        try {
            table.putItem(item);
        } catch (ConditionalCheckFailedException taken) {
            throw new ConflictException("A destination with this id exists already.");
        }
        return find(destination.organizationId(), destination.destinationId()).orElseThrow();
    }

    @Override
    public Destination update(Destination destination) {
        try {
            return toDestination(table.updateItem(toItem(destination)));
        } catch (ConditionalCheckFailedException stale) {
            throw new ConflictException(STALE);
        }
    }

    @Override
    public void delete(String organizationId, String destinationId, Long expectedVersion) {
        Expression condition = expectedVersion == null
                ? Expression.builder().expression("attribute_exists(destination_id)").build()
                : Expression.builder().expression("#v = :v").putExpressionName("#v", "version")
                        .putExpressionValue(":v", AttributeValue.fromN(expectedVersion.toString())).build();
        try {
            table.deleteItem(DeleteItemEnhancedRequest.builder().key(key(organizationId, destinationId))
                    .conditionExpression(condition).build());
        } catch (ConditionalCheckFailedException stale) {
            throw new ConflictException(STALE);
        }
    }

    private static Key key(String organizationId, String destinationId) {
        return Key.builder().partitionValue(organizationId).sortValue(destinationId).build();
    }

    private static DestinationItem toItem(Destination d) {
        DestinationItem item = new DestinationItem();
        item.setOrganizationId(d.organizationId());
        item.setDestinationId(d.destinationId());
        item.setUserId(d.userId());
        item.setName(d.name());
        item.setPlatform(d.platform());
        item.setRtmpUrl(d.rtmpUrl());
        item.setStreamKeyParam(d.streamKeyParam());
        item.setStreamKeyMasked(d.streamKeyMasked());
        item.setPresetId(d.presetId());
        item.setEnabled(d.enabled());
        item.setAutoStart(d.autoStart());
        item.setRecordingBackup(d.recordingBackup());
        item.setPriority(d.priority());
        item.setVersion(d.version());
        item.setCreatedAt(d.createdAt());
        item.setUpdatedAt(d.updatedAt());
        return item;
    }

    private static Destination toDestination(DestinationItem i) {
        return new Destination(i.getDestinationId(), i.getOrganizationId(), i.getUserId(), i.getName(), i.getPlatform(),
                i.getRtmpUrl(), i.getStreamKeyParam(), i.getStreamKeyMasked(), i.getPresetId(),
                Boolean.TRUE.equals(i.getEnabled()), Boolean.TRUE.equals(i.getAutoStart()),
                Boolean.TRUE.equals(i.getRecordingBackup()), Boolean.TRUE.equals(i.getPriority()), i.getVersion(),
                i.getCreatedAt(), i.getUpdatedAt());
    }
}
