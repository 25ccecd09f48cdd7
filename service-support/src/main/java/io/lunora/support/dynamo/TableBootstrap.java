package io.lunora.support.dynamo;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Creates the tables a service owns when they are missing. Idempotent: an existing table is left
 * as it is, and two services starting at once cannot both create one table.
 */
public class TableBootstrap {
    private static final Logger log = LoggerFactory.getLogger(TableBootstrap.class);

    private final DynamoDbClient dynamo;
    private final TableNames names;

    public TableBootstrap(DynamoDbClient dynamo, TableNames names) {
        this.dynamo = dynamo;
        this.names = names;
    }

    /** Creates the owner's missing tables and waits until each is active; returns their physical names. */
    public List<String> createTablesOwnedBy(String owner) {
        List<TableDefinitions.Table> owned = TableDefinitions.load().stream()
                .filter(t -> owner.equals(t.owner())).toList();
        for (TableDefinitions.Table table : owned) {
            String physical = names.of(table.logicalName());
            if (exists(physical)) {
                continue;
            }
            try {
                dynamo.createTable(table.createRequest(physical));
                log.info("Created table {}", physical);
            } catch (ResourceInUseException raced) {
                log.debug("Table {} was created concurrently", physical);
            }
            dynamo.waiter().waitUntilTableExists(DescribeTableRequest.builder().tableName(physical).build());
        }
        return owned.stream().map(t -> names.of(t.logicalName())).toList();
    }

    private boolean exists(String table) {
        try {
            dynamo.describeTable(DescribeTableRequest.builder().tableName(table).build());
            return true;
        } catch (ResourceNotFoundException missing) {
            return false;
        }
    }
}
