package io.lunora.aws;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * One LocalStack container for the whole test JVM (Testcontainers' Ryuk removes it afterwards),
 * and SDK clients pointed at it the way LocalStack expects: endpoint override, its region,
 * credentials {@code test}/{@code test}.
 */
public final class LocalStack {
    /** LocalStack 4 community image, pinned: later images may need an auth token. */
    public static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.7.0");

    private static LocalStackContainer container;

    private LocalStack() {
    }

    /**
     * Starts the container on first use. Without a Docker engine this fails (it does not skip):
     * whoever passed {@code -Plocalstack} asked for these tests, and a skip would read as a pass.
     */
    public static synchronized LocalStackContainer container() {
        if (container == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new IllegalStateException("-Plocalstack runs the AWS adapters against LocalStack in Docker, "
                        + "and no Docker engine was found (DOCKER_HOST, /var/run/docker.sock). Start one, or build "
                        + "without -Plocalstack: the request-shape tests cover the same adapters without Docker.");
            }
            LocalStackContainer started = new LocalStackContainer(IMAGE)
                    .withServices("dynamodb", "ssm", "kms", "secretsmanager");
            started.start();
            container = started;
        }
        return container;
    }

    public static URI endpoint() {
        return container().getEndpoint();
    }

    public static String region() {
        return container().getRegion();
    }

    public static SsmClient ssm() {
        return SsmClient.builder().endpointOverride(endpoint()).region(Region.of(region()))
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static KmsClient kms() {
        return KmsClient.builder().endpointOverride(endpoint()).region(Region.of(region()))
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static SecretsManagerClient secretsManager() {
        return SecretsManagerClient.builder().endpointOverride(endpoint()).region(Region.of(region()))
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static DynamoDbClient dynamo() {
        return DynamoDbClient.builder().endpointOverride(endpoint()).region(Region.of(region()))
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** A new symmetric KMS key, as the base stack's environment key; returns its ARN. */
    public static String createKmsKey(String description) {
        try (KmsClient kms = kms()) {
            return kms.createKey(b -> b.description(description)).keyMetadata().arn();
        }
    }

    private static StaticCredentialsProvider credentials() {
        LocalStackContainer c = container();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(c.getAccessKey(), c.getSecretKey()));
    }
}
