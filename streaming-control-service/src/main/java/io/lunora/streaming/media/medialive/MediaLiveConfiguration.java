package io.lunora.streaming.media.medialive;

import io.lunora.streaming.media.MediaBackend;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * MediaLive is the media backend when {@code lunora.mode=aws}. The settings come from the
 * services stack's environment ({@code LUNORA_MEDIALIVE_*}, relaxed binding of {@code lunora.medialive.*}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "aws")
class MediaLiveConfiguration {

    @Bean
    MediaLiveSettings mediaLiveSettings(@Value("${lunora.medialive.organization-id}") String organizationId,
            @Value("${lunora.dynamodb.environment}") String environment,
            @Value("${lunora.medialive.channel-role-arn}") String channelRoleArn,
            @Value("${lunora.medialive.packaging-channel-id}") String packagingChannelId,
            @Value("${lunora.medialive.recording-bucket}") String recordingBucket,
            @Value("${lunora.medialive.srt-secret-prefix}") String srtSecretPrefix,
            @Value("${lunora.medialive.kms-key-id}") String kmsKeyId,
            @Value("${lunora.medialive.settle:2s}") Duration settle,
            @Value("${lunora.medialive.poll-interval:5s}") Duration pollInterval,
            @Value("${lunora.medialive.state-timeout:5m}") Duration stateTimeout) {
        return new MediaLiveSettings(organizationId, environment, channelRoleArn, packagingChannelId, recordingBucket, srtSecretPrefix,
                kmsKeyId, settle, pollInterval, stateTimeout);
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
    MediaBackend mediaLiveBackend(MediaLiveClient medialive, SecretsManagerClient secrets, MediaLiveSettings settings) {
        return new MediaLiveBackend(medialive, new SrtInputs(medialive, secrets, settings), settings,
                Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("medialive-reconcile").factory()),
                Clock.systemUTC());
    }
}
