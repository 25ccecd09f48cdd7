package io.lunora.auth.users.audit.dynamo;

import io.lunora.auth.users.audit.AuditAction;
import io.lunora.auth.users.audit.AuditEntry;
import io.lunora.auth.users.audit.AuditLog;
import io.lunora.auth.users.audit.AuditPage;
import io.lunora.support.dynamo.TableNames;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit log in the {@code UserAudit} table: one partition per organization, entries sorted by
 * time ({@code entry_key}); a page is one query read backwards, its cursor the last key read.
 */
@Component
class DynamoAuditLog implements AuditLog {
    private final DynamoDbTable<AuditItem> table;

    DynamoAuditLog(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("UserAudit"), TableSchema.fromBean(AuditItem.class));
    }

    @Override
    public void append(AuditEntry entry) {
        AuditItem item = new AuditItem();
        item.setOrganizationId(entry.organizationId());
        item.setEntryKey("%013d_%s".formatted(entry.at().toEpochMilli(), entry.id()));
        item.setEntryId(entry.id());
        item.setAt(entry.at());
        item.setActorId(entry.actorId());
        item.setActorUsername(entry.actorUsername());
        item.setAction(entry.action().name());
        item.setTargetId(entry.targetId());
        item.setTargetUsername(entry.targetUsername());
        item.setDetail(entry.detail());
        item.setAddress(entry.address());
        table.putItem(item);
    }

    @Override
    public AuditPage page(String organizationId, int limit, String cursor) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(organizationId).build()))
                .scanIndexForward(false)
                .limit(limit);
        if (cursor != null) {
            query.exclusiveStartKey(Map.of("organization_id", AttributeValue.fromS(organizationId),
                    "entry_key", AttributeValue.fromS(cursor)));
        }
        Page<AuditItem> page = table.query(query.build()).iterator().next();
        Map<String, AttributeValue> last = page.lastEvaluatedKey();
        return new AuditPage(page.items().stream().map(DynamoAuditLog::toEntry).toList(),
                last == null || last.isEmpty() ? null : last.get("entry_key").s());
    }

    private static AuditEntry toEntry(AuditItem i) {
        return new AuditEntry(i.getEntryId(), i.getAt(), i.getOrganizationId(), i.getActorId(), i.getActorUsername(),
                AuditAction.valueOf(i.getAction()), i.getTargetId(), i.getTargetUsername(), i.getDetail(),
                i.getAddress());
    }
}
