package io.lunora.support.secrets;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/**
 * The secret store a service gets when it sets {@code lunora.secrets.enabled=true}: local
 * encrypted files by default (keys in their own folder outside the data folder), SSM in {@code lunora.mode=aws}. {@code lunora.secrets.store}
 * ({@code local} or {@code ssm}) chooses the store on its own, so one adapter can run against an
 * emulator (LocalStack) while the others stay local; {@code lunora.secrets.endpoint} points SSM at it.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "lunora.secrets", name = "enabled", havingValue = "true")
public class SecretStoreAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @Conditional(LocalStore.class)
    static class Local {
        /**
         * The keys are kept apart from the data ({@code lunora.secrets.key-dir}, {@code LUNORA_KEY_DIR});
         * with {@code lunora.secrets.max-key-age} set, a key older than that is rotated at start.
         */
        @Bean
        @ConditionalOnMissingBean
        SecretStore localSecretStore(@Value("${lunora.data-dir:${LUNORA_DATA_DIR:./.lunora/data}}") String dataDir,
                @Value("${lunora.secrets.key-dir:${LUNORA_KEY_DIR:${user.home}/.config/lunora/keys}}") String keyDir,
                @Value("${lunora.secrets.max-key-age:${LUNORA_SECRETS_MAX_KEY_AGE:}}") String maxKeyAge) {
            LocalSecretStore store = new LocalSecretStore(Path.of(dataDir), Path.of(keyDir));
            if (!maxKeyAge.isBlank()) {
                store.rotateIfOlderThan(DurationStyle.detectAndParse(maxKeyAge));
            }
            return store;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(SsmStore.class)
    static class Aws {
        /**
         * The regional endpoint with the default credential chain; with an endpoint override (an
         * emulator such as LocalStack, which takes any key) fixed dummy credentials, as DynamoDB Local gets.
         */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        SsmClient ssmClient(@Value("${lunora.aws.region:us-east-1}") String region,
                @Value("${lunora.secrets.endpoint:}") String endpoint) {
            SsmClientBuilder builder = SsmClient.builder().region(Region.of(region))
                    .httpClientBuilder(UrlConnectionHttpClient.builder());
            if (!endpoint.isBlank()) {
                builder.endpointOverride(URI.create(endpoint))
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
            }
            return builder.build();
        }

        @Bean
        @ConditionalOnMissingBean
        SecretStore ssmSecretStore(SsmClient ssm, @Value("${lunora.secrets.kms-key-id}") String kmsKeyId) {
            return new SsmSecretStore(ssm, kmsKeyId);
        }
    }

    /** {@code lunora.secrets.store} when set, else {@code ssm} in aws mode and {@code local} otherwise. */
    static String store(Environment environment) {
        String store = environment.getProperty("lunora.secrets.store", "");
        if (!store.isBlank()) {
            if (!store.equals("local") && !store.equals("ssm")) {
                throw new IllegalStateException("lunora.secrets.store must be local or ssm, not " + store);
            }
            return store;
        }
        return "aws".equals(environment.getProperty("lunora.mode", "local")) ? "ssm" : "local";
    }

    static final class LocalStore extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String store = store(context.getEnvironment());
            return new ConditionOutcome("local".equals(store), "secret store " + store);
        }
    }

    static final class SsmStore extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String store = store(context.getEnvironment());
            return new ConditionOutcome("ssm".equals(store), "secret store " + store);
        }
    }
}
