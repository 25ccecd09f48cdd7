package io.lunora.archfixture.leaky;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Domain code that builds DynamoDB attribute values itself. */
public class LeakyClient {
    public Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }
}
