package io.lunora.aws.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.aws.LocalStack;
import io.lunora.support.dynamo.TableBootstrap;
import io.lunora.support.dynamo.TableDefinitions;
import io.lunora.support.dynamo.TableDefinitions.Table;
import io.lunora.support.dynamo.TableNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The table bootstrap creates every table of {@code infra/cloudformation/data.yaml} on LocalStack. */
class TableBootstrapIT {
    static DynamoDbClient dynamo;
    static TableNames names;

    @BeforeAll
    static void start() {
        dynamo = LocalStack.dynamo();
        names = new TableNames("it" + UUID.randomUUID().toString().substring(0, 6));
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    @Test
    void shouldCreateEveryTableOfTheDataStackWithItsKeysAndIndexes() {
        List<Table> tables = TableDefinitions.load();
        TableBootstrap bootstrap = new TableBootstrap(dynamo, names);

        List<String> created = new ArrayList<>();
        tables.stream().map(Table::owner).filter(Objects::nonNull).distinct()
                .forEach(owner -> created.addAll(bootstrap.createTablesOwnedBy(owner)));

        assertThat(created).hasSize(tables.size());
        for (Table table : tables) {
            TableDescription described = dynamo.describeTable(b -> b.tableName(names.of(table.logicalName()))).table();
            assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(described.keySchema()).as(table.logicalName()).containsExactlyElementsOf(table.keySchema());
            assertThat(described.globalSecondaryIndexes()).as(table.logicalName())
                    .extracting(GlobalSecondaryIndexDescription::indexName, GlobalSecondaryIndexDescription::keySchema)
                    .containsExactlyInAnyOrderElementsOf(table.indexes().stream()
                            .map(i -> org.assertj.core.groups.Tuple.tuple(i.indexName(), i.keySchema())).toList());
        }
    }

    @Test
    void shouldLeaveExistingTablesAsTheyAreWhenRunAgain() {
        TableBootstrap bootstrap = new TableBootstrap(dynamo, names);
        List<String> first = bootstrap.createTablesOwnedBy("destination-service");
        long before = dynamo.describeTable(b -> b.tableName(first.get(0))).table().creationDateTime().toEpochMilli();

        List<String> second = bootstrap.createTablesOwnedBy("destination-service");

        assertThat(second).isEqualTo(first);
        assertThat(dynamo.describeTable(b -> b.tableName(first.get(0))).table().creationDateTime().toEpochMilli())
                .isEqualTo(before);
    }
}
