package io.lunora.streaming.media.medialive;

import io.lunora.streaming.media.MediaBackend;
import java.time.Clock;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * MediaLive is the media backend when {@code lunora.mode=aws}. The settings come from the
 * services stack's environment ({@code LUNORA_MEDIALIVE_*}, relaxed binding of {@code lunora.medialive.*}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "aws")
@EnableConfigurationProperties(MediaLiveProperties.class)
class MediaLiveConfiguration {

    @Bean
    MediaLiveSettings mediaLiveSettings(MediaLiveProperties properties,
            @Value("${lunora.dynamodb.environment}") String environment) {
        return properties.settings(environment);
    }

    @Bean(destroyMethod = "close")
    MediaLiveClient mediaLiveClient(@Value("${lunora.aws.region:${lunora.dynamodb.region}}") String region) {
        return MediaLiveClient.builder().region(Region.of(region)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Bean(destroyMethod = "close")
    SecretsManagerClient secretsManagerClient(@Value("${lunora.aws.region:${lunora.dynamodb.region}}") String region) {
        return SecretsManagerClient.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Bean(destroyMethod = "close")
    CloudWatchClient cloudWatchClient(@Value("${lunora.aws.region:${lunora.dynamodb.region}}") String region) {
        return CloudWatchClient.builder().region(Region.of(region)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Bean
    ChannelMonitor channelMonitor(MediaLiveClient medialive, CloudWatchClient cloudwatch,
            MediaLiveProperties properties) {
        return new ChannelMonitor(new CloudWatchChannelMetrics(cloudwatch), new MediaLiveChannelAlerts(medialive),
                properties.healthInterval(), Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    MediaBackend mediaLiveBackend(MediaLiveClient medialive, SecretsManagerClient secrets, MediaLiveSettings settings,
            ChannelMonitor monitor) {
        return new MediaLiveBackend(medialive, new SrtInputs(medialive, secrets, settings), settings,
                Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("medialive-reconcile").factory()),
                Clock.systemUTC(), monitor);
    }
}
