package io.lunora.archfixture.dynamo;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An adapter: the SDK is allowed here. */
public final class FixtureItems {
    private FixtureItems() {
    }

    public static AttributeValue name(String value) {
        return AttributeValue.fromS(value);
    }
}
