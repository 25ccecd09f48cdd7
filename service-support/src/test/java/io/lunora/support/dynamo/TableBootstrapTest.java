package io.lunora.support.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.testing.DynamoDbLocal;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TableBootstrapTest {
    static DynamoDbClient dynamo;

    @BeforeAll
    static void connect() {
        dynamo = DynamoDbClient.builder().endpointOverride(URI.create(DynamoDbLocal.shared().endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                .build();
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    @Test
    void shouldCreateOnlyTheOwnersTablesWithTheirKeysAndIndexes() {
        TableBootstrap bootstrap = new TableBootstrap(dynamo, new TableNames("boot"));

        List<String> created = bootstrap.createTablesOwnedBy("viewer-service");

        assertThat(created).containsExactlyInAnyOrder("lunora-boot-ViewerProfiles", "lunora-boot-ViewingHistory",
                "lunora-boot-StreamCatalog", "lunora-boot-ViewerSubscriptions", "lunora-boot-ViewerAnalytics",
                "lunora-boot-ContentModeration");
        assertThat(dynamo.listTables().tableNames()).doesNotContain("lunora-boot-Destinations");
        TableDescription history = dynamo.describeTable(b -> b.tableName("lunora-boot-ViewingHistory")).table();
        assertThat(history.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("viewer_id:HASH", "timestamp:RANGE");
        assertThat(history.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactly("stream_id-index");
    }

    @Test
    void shouldLeaveExistingTablesAndTheirDataAlone() {
        TableBootstrap bootstrap = new TableBootstrap(dynamo, new TableNames("again"));
        bootstrap.createTablesOwnedBy("destination-service");
        dynamo.putItem(b -> b.tableName("lunora-again-Destinations").item(java.util.Map.of(
                "organization_id", AttributeValue.fromS("org-1"), "destination_id", AttributeValue.fromS("d-1"))));

        List<String> second = bootstrap.createTablesOwnedBy("destination-service");

        assertThat(second).containsExactly("lunora-again-Destinations");
        assertThat(dynamo.scan(b -> b.tableName("lunora-again-Destinations")).count()).isEqualTo(1);
    }
}
