package io.lunora.support.dynamo;

import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client: DynamoDB Local by endpoint in local mode, the regional endpoint with the
 * default credential chain in AWS. Same store code either way.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "lunora.dynamodb", name = "service")
@EnableConfigurationProperties(DynamoDbProperties.class)
public class DynamoDbAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DynamoDbClient dynamoDbClient(DynamoDbProperties properties) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(properties.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (properties.isLocalEndpoint()) {
            // DynamoDB Local accepts any credentials; these never leave the machine.
            builder.endpointOverride(URI.create(properties.endpoint()))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    @Bean
    TableNames tableNames(DynamoDbProperties properties) {
        return new TableNames(properties.environment());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ConditionalWriteProblems conditionalWriteProblems() {
        return new ConditionalWriteProblems();
    }

    /** Runs while the context starts, so that no store is used before its table exists. */
    @Bean
    TableBootstrap tableBootstrap(DynamoDbClient client, TableNames names, DynamoDbProperties properties) {
        TableBootstrap bootstrap = new TableBootstrap(client, names);
        if (properties.createTables()) {
            bootstrap.createTablesOwnedBy(properties.service());
        }
        return bootstrap;
    }
}
