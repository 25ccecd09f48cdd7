package io.lunora.auth.organizations.dynamo;

import io.lunora.auth.organizations.Organization;
import io.lunora.auth.organizations.OrganizationStore;
import io.lunora.support.dynamo.TableNames;
import io.lunora.support.problem.ConflictException;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code Organizations} table, keyed by {@code organization_id}. A creation is a put on the
 * condition that the id is free, so two platform admins racing for one id cannot both win.
 */
@Component
class DynamoOrganizationStore implements OrganizationStore {
    private static final Expression ID_FREE = Expression.builder()
            .expression("attribute_not_exists(organization_id)").build();

    private final DynamoDbTable<OrganizationItem> table;

    DynamoOrganizationStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("Organizations"), TableSchema.fromBean(OrganizationItem.class));
    }

    @Override
    public void create(Organization organization) {
        if (!createIfAbsent(organization)) {
            throw new ConflictException("An organization with id '" + organization.id() + "' already exists.");
        }
    }

    @Override
    public boolean createIfAbsent(Organization organization) {
        OrganizationItem item = new OrganizationItem();
        item.setOrganizationId(organization.id());
        item.setName(organization.name());
        item.setCreatedAt(organization.createdAt());
        item.setCreatedBy(organization.createdBy());
        try {
            table.putItem(PutItemEnhancedRequest.builder(OrganizationItem.class).item(item)
                    .conditionExpression(ID_FREE).build());
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public List<Organization> all() {
        return table.scan(r -> r.consistentRead(true)).items().stream()
                .map(i -> new Organization(i.getOrganizationId(), i.getName(), i.getCreatedAt(), i.getCreatedBy()))
                .sorted(Comparator.comparing(Organization::id))
                .toList();
    }

    @Override
    public void delete(String id) {
        table.deleteItem(Key.builder().partitionValue(id).build());
    }
}
