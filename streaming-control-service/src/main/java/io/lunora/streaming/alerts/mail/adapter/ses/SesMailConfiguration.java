package io.lunora.streaming.alerts.mail.adapter.ses;

import io.lunora.streaming.alerts.mail.AlertMailProperties;
import io.lunora.streaming.alerts.mail.AlertMailer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** {@code lunora.alerts.mail.transport=ses} (the aws profile): alert mail through SES in the service's region. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "lunora.alerts.mail", name = "transport", havingValue = "ses")
class SesMailConfiguration {

    /** Without the SDK's own retries: the alert delivery's backoff is the one retry policy. */
    @Bean(destroyMethod = "close")
    SesV2Client sesV2Client(@Value("${lunora.aws.region:${lunora.dynamodb.region}}") String region) {
        return SesV2Client.builder().region(Region.of(region)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Bean
    AlertMailer sesAlertMailer(SesV2Client ses, AlertMailProperties properties) {
        return new SesAlertMailer(ses, properties.from());
    }
}
