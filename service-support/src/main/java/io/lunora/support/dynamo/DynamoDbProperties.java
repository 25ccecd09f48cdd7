package io.lunora.support.dynamo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the service's tables live.
 *
 * @param endpoint     DynamoDB endpoint; blank means the AWS regional endpoint
 * @param region       AWS region
 * @param environment  the {env} of {@code lunora-{env}-{Table}}
 * @param service      the owner tag of the tables this service creates at start-up
 * @param createTables create missing owned tables at start-up (local default; CloudFormation in AWS)
 */
@ConfigurationProperties(prefix = "lunora.dynamodb")
public record DynamoDbProperties(String endpoint, String region, String environment, String service,
        boolean createTables) {
    public DynamoDbProperties {
        region = region == null || region.isBlank() ? "us-east-1" : region;
        environment = environment == null || environment.isBlank() ? "local" : environment;
    }

    public boolean isLocalEndpoint() {
        return endpoint != null && !endpoint.isBlank();
    }
}
