package io.lunora.preset.presets.dynamo;

import io.lunora.model.preset.EncodingPreset;
import io.lunora.preset.presets.PresetStore;
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

/** {@code StreamingPresets} on DynamoDB; the version attribute makes every write conditional. */
@Component
class DynamoPresetStore implements PresetStore {
    static final String STALE = "The preset was changed since you read it. Reload it and apply your change again.";

    private final DynamoDbTable<PresetItem> table;

    DynamoPresetStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("StreamingPresets"), TableSchema.fromBean(PresetItem.class));
    }

    @Override
    public Optional<EncodingPreset> find(String scope, String presetId) {
        return Optional.ofNullable(table.getItem(key(scope, presetId))).map(PresetItems::toPreset);
    }

    @Override
    public List<EncodingPreset> list(String scope) {
        return table.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(scope).build()))
                .items().stream().map(PresetItems::toPreset).toList();
    }

    @Override
    public EncodingPreset create(String scope, EncodingPreset preset) {
        PresetItem item = PresetItems.toItem(scope, preset);
        item.setVersion(null); // the version extension then requires the item to be new
        try {
            table.putItem(item);
        } catch (ConditionalCheckFailedException taken) {
            throw new ConflictException("A preset with this id exists already.");
        }
        return PresetItems.toPreset(table.getItem(r -> r.key(key(scope, preset.presetId())).consistentRead(true)));
    }

    @Override
    public EncodingPreset update(String scope, EncodingPreset preset) {
        try {
            return PresetItems.toPreset(table.updateItem(PresetItems.toItem(scope, preset)));
        } catch (ConditionalCheckFailedException stale) {
            throw new ConflictException(STALE);
        }
    }

    @Override
    public void delete(String scope, String presetId, Long expectedVersion) {
        DeleteItemEnhancedRequest.Builder request = DeleteItemEnhancedRequest.builder().key(key(scope, presetId));
        request.conditionExpression(expectedVersion == null
                ? Expression.builder().expression("attribute_exists(preset_id)").build()
                : Expression.builder().expression("#v = :v").putExpressionName("#v", "version")
                        .putExpressionValue(":v", AttributeValue.fromN(expectedVersion.toString())).build());
        try {
            table.deleteItem(request.build());
        } catch (ConditionalCheckFailedException stale) {
            throw new ConflictException(STALE);
        }
    }

    private static Key key(String scope, String presetId) {
        return Key.builder().partitionValue(scope).sortValue(presetId).build();
    }
}
