package io.lunora.source.config.dynamo;

import io.lunora.source.config.SourceConfiguration;
import io.lunora.source.config.SourceConfigurationService;
import io.lunora.source.config.SourceConfigurationStore;
import io.lunora.source.config.RedundancyMode;

import io.lunora.support.dynamo.TableNames;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The SourceConfiguration table; the enhanced client's version extension makes writes conditional. */
@Component
class DynamoSourceConfigurationStore implements SourceConfigurationStore {
    private final DynamoDbTable<SourceConfigurationItem> table;

    DynamoSourceConfigurationStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("SourceConfiguration"), TableSchema.fromBean(SourceConfigurationItem.class));
    }

    @Override
    public Optional<SourceConfiguration> findDefault(String organizationId) {
        SourceConfigurationItem item = table.getItem(Key.builder().partitionValue(organizationId)
                .sortValue(SourceConfigurationService.DEFAULT_CONFIG_ID).build());
        return Optional.ofNullable(item).map(DynamoSourceConfigurationStore::toDomain);
    }

    /** A scan of the keys only: one item per organization, a small table. */
    @Override
    public List<String> organizationsWithDefault() {
        return table.scan(r -> r.attributesToProject("organization_id", "config_id")).items().stream()
                .filter(i -> SourceConfigurationService.DEFAULT_CONFIG_ID.equals(i.getConfigId()))
                .map(SourceConfigurationItem::getOrganizationId).distinct().toList();
    }

    @Override
    public SourceConfiguration save(SourceConfiguration c) {
        SourceConfigurationItem item = new SourceConfigurationItem();
        item.setOrganizationId(c.organizationId());
        item.setConfigId(c.configId());
        item.setName(c.name());
        item.setIsDefault(c.isDefault());
        item.setRedundancyMode(c.redundancyMode().value());
        item.setFailoverThreshold(c.failoverThreshold());
        item.setHealthCheckInterval(c.healthCheckInterval());
        item.setFailback(c.failback().name());
        item.setFailbackAfter(c.failbackAfter());
        item.setPrimarySource(SrtSourceItem.of(c.primarySource()));
        item.setSecondarySource(SrtSourceItem.of(c.secondarySource()));
        item.setUpdatedAt(c.updatedAt().toString());
        item.setUpdatedBy(c.updatedBy());
        item.setVersion(c.version());
        return toDomain(table.updateItem(r -> r.item(item).ignoreNulls(false)));
    }

    private static SourceConfiguration toDomain(SourceConfigurationItem i) {
        return new SourceConfiguration(i.getOrganizationId(), i.getConfigId(), i.getName(),
                Boolean.TRUE.equals(i.getIsDefault()), RedundancyMode.of(i.getRedundancyMode()),
                i.getFailoverThreshold(), i.getHealthCheckInterval(),
                SourceConfiguration.FailbackPolicy.valueOf(i.getFailback()), i.getFailbackAfter(),
                SrtSourceItem.toDomain(i.getPrimarySource()), SrtSourceItem.toDomain(i.getSecondarySource()),
                Instant.parse(i.getUpdatedAt()), i.getUpdatedBy(), i.getVersion());
    }
}
