package io.lunora.aws.dynamo;

import io.lunora.aws.LocalStack;
import io.lunora.support.dynamo.DynamoDbAutoConfiguration;
import java.util.UUID;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A service's DynamoDB set-up as the product builds it ({@link DynamoDbAutoConfiguration}), given
 * only LocalStack's endpoint: the same properties a container gets from {@code LUNORA_DYNAMODB_ENDPOINT}.
 * The service's tables are created at start-up in an environment of their own.
 */
public final class DynamoOnLocalStack {
    private DynamoOnLocalStack() {
    }

    public static ApplicationContextRunner service(String service) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DynamoDbAutoConfiguration.class))
                .withPropertyValues("lunora.dynamodb.service=" + service,
                        "lunora.dynamodb.endpoint=" + LocalStack.endpoint(),
                        "lunora.dynamodb.region=" + LocalStack.region(),
                        "lunora.dynamodb.environment=it" + UUID.randomUUID().toString().substring(0, 6),
                        "lunora.dynamodb.create-tables=true");
    }
}
