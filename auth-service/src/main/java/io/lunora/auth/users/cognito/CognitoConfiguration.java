package io.lunora.auth.users.cognito;

import io.lunora.auth.users.UserDirectory;
import io.lunora.auth.users.ViewerIdentities;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** In aws mode the admin API manages the Cognito internal pool instead of the local store. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "aws")
@EnableConfigurationProperties(CognitoProperties.class)
class CognitoConfiguration {

    @Bean(destroyMethod = "close")
    CognitoIdentityProviderClient cognitoIdentityProviderClient(
            @Value("${lunora.aws.region:${lunora.dynamodb.region}}") String region) {
        return CognitoIdentityProviderClient.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Bean
    UserDirectory cognitoUserDirectory(CognitoIdentityProviderClient cognito, CognitoProperties properties) {
        return new CognitoUserDirectory(cognito, properties.userPoolId());
    }

    @Bean
    ViewerIdentities cognitoViewerIdentities(CognitoIdentityProviderClient cognito, CognitoProperties properties) {
        return new CognitoViewerIdentities(cognito, properties.consumerPoolId());
    }
}
