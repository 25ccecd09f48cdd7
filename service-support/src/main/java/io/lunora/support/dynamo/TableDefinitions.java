package io.lunora.support.dynamo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the DynamoDB tables of the CloudFormation data stack ({@code infra/cloudformation/data.yaml}),
 * so the local bootstrap creates exactly what CloudFormation creates in AWS.
 */
public final class TableDefinitions {
    static final String DATA_STACK = "/io/lunora/infra/cloudformation/data.yaml";

    /** One table of the stack: its logical name (e.g. {@code Destinations}), owner and shape. */
    public record Table(String logicalName, String owner, List<AttributeDefinition> attributes,
            List<KeySchemaElement> keySchema, List<GlobalSecondaryIndex> indexes) {

        public CreateTableRequest createRequest(String physicalName) {
            CreateTableRequest.Builder b = CreateTableRequest.builder()
                    .tableName(physicalName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes)
                    .keySchema(keySchema);
            if (!indexes.isEmpty()) {
                b.globalSecondaryIndexes(indexes);
            }
            return b.build();
        }
    }

    private TableDefinitions() {
    }

    public static List<Table> load() {
        try (InputStream in = TableDefinitions.class.getResourceAsStream(DATA_STACK)) {
            if (in == null) {
                throw new IllegalStateException("data stack " + DATA_STACK + " is not on the classpath");
            }
            return parse(YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Table> parse(JsonNode stack) {
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : stack.path("Resources").properties()) {
            JsonNode r = resource.getValue();
            if (!"AWS::DynamoDB::Table".equals(r.path("Type").asString())) {
                continue;
            }
            JsonNode p = r.path("Properties");
            String sub = p.path("TableName").path("Fn::Sub").asString();
            String logical = sub.substring(sub.lastIndexOf('-') + 1);
            String owner = null;
            for (JsonNode tag : p.path("Tags")) {
                if ("lunora:service".equals(tag.path("Key").asString())) {
                    owner = tag.path("Value").asString();
                }
            }
            List<AttributeDefinition> attributes = new ArrayList<>();
            for (JsonNode a : p.path("AttributeDefinitions")) {
                attributes.add(AttributeDefinition.builder().attributeName(a.path("AttributeName").asString())
                        .attributeType(a.path("AttributeType").asString()).build());
            }
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (JsonNode g : p.path("GlobalSecondaryIndexes")) {
                indexes.add(GlobalSecondaryIndex.builder()
                        .indexName(g.path("IndexName").asString())
                        .keySchema(keySchema(g.path("KeySchema")))
                        .projection(Projection.builder().projectionType(ProjectionType.fromValue(
                                g.path("Projection").path("ProjectionType").asString("ALL"))).build())
                        .build());
            }
            tables.add(new Table(logical, owner, attributes, keySchema(p.path("KeySchema")), indexes));
        }
        return tables;
    }

    private static List<KeySchemaElement> keySchema(JsonNode node) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (JsonNode k : node) {
            keys.add(KeySchemaElement.builder().attributeName(k.path("AttributeName").asString())
                    .keyType(k.path("KeyType").asString()).build());
        }
        return keys;
    }
}
