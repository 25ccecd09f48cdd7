package io.lunora.support.secrets;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The secret store a service gets when it sets {@code lunora.secrets.enabled=true}: local
 * encrypted files by default, SSM in {@code lunora.mode=aws}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "lunora.secrets", name = "enabled", havingValue = "true")
public class SecretStoreAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
    static class Local {
        @Bean
        @ConditionalOnMissingBean
        SecretStore localSecretStore(@Value("${lunora.data-dir:${LUNORA_DATA_DIR:./.lunora/data}}") String dataDir) {
            return new LocalSecretStore(Path.of(dataDir));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "lunora.mode", havingValue = "aws")
    static class Aws {
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        SsmClient ssmClient(@Value("${lunora.aws.region:us-east-1}") String region) {
            return SsmClient.builder().region(Region.of(region)).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }

        @Bean
        @ConditionalOnMissingBean
        SecretStore ssmSecretStore(SsmClient ssm, @Value("${lunora.secrets.kms-key-id}") String kmsKeyId) {
            return new SsmSecretStore(ssm, kmsKeyId);
        }
    }
}
