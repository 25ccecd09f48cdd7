package io.lunora.support.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

class TableDefinitionsTest {

    @Test
    void shouldReadEveryTableOfTheSpecificationFromTheDataStack() {
        List<TableDefinitions.Table> tables = TableDefinitions.load();

        assertThat(tables).extracting(TableDefinitions.Table::logicalName).contains(
                "StreamingPresets", "Destinations", "StreamSessions", "StreamSessionEvents", "SourceConfiguration",
                "ViewerProfiles", "ViewingHistory", "StreamCatalog", "ViewerSubscriptions",
                "ViewerAnalytics", "ContentModeration", "Users");
        assertThat(tables).allSatisfy(t -> {
            assertThat(t.owner()).as("owner of %s", t.logicalName()).endsWith("-service");
            assertThat(t.keySchema()).isNotEmpty();
            // every key attribute must be declared, and nothing else may be declared
            List<String> declared = t.attributes().stream().map(a -> a.attributeName()).toList();
            assertThat(declared).containsAll(t.keySchema().stream().map(KeySchemaElement::attributeName).toList());
        });
    }

    @Test
    void shouldKeyInternalPlatformTablesByOrganization() {
        for (String name : List.of("StreamingPresets", "Destinations", "StreamSessions", "SourceConfiguration")) {
            TableDefinitions.Table table = TableDefinitions.load().stream()
                    .filter(t -> t.logicalName().equals(name)).findFirst().orElseThrow();
            assertThat(table.keySchema().get(0).attributeName()).as(name).isEqualTo("organization_id");
        }
    }
}
