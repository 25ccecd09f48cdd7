package io.lunora.streaming.media.medialive;

import io.lunora.streaming.catalog.CatalogProperties;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.engine.RelayEngineClient;
import io.lunora.support.clients.ServiceClients;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.mediapackage.MediaPackageClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * MediaLive is the media backend when {@code lunora.mode=aws}. The settings come from the
 * services stack's environment ({@code LUNORA_MEDIALIVE_*}, relaxed binding of {@code lunora.medialive.*}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "aws")
@EnableConfigurationProperties({ MediaLiveProperties.class, RelayProperties.class, CatalogProperties.class })
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

    @Bean
    SrtInputs srtInputs(MediaLiveClient medialive, SecretsManagerClient secrets, MediaLiveSettings settings) {
        return new SrtInputs(medialive, secrets, settings);
    }

    /** The fan-out tier when {@code lunora.medialive.relay.url} names one (docs/aws.md). */
    @Bean
    @ConditionalOnProperty(name = "lunora.medialive.relay.url")
    RelayTier relayTier(RelayProperties relay, ServiceClients clients, JsonMapper json, SrtInputs inputs) {
        RelaySettings settings = relay.settings();
        // the event stream carries keep-alive comments, so a silent minute means a dead connection
        return new RelayTier(new RelayEngineClient(clients.forService(settings.url(), Duration.ofSeconds(30)),
                clients.forStream(settings.url(), Duration.ofSeconds(60)), json), inputs, settings);
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
    MediaPackageClient mediaPackageClient(@Value("${lunora.aws.region:${lunora.dynamodb.region}}") String region) {
        return MediaPackageClient.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** The preflight of channel builds, against the playlist path the catalog gives viewers. */
    @Bean
    PackagingCheck packagingCheck(MediaPackageClient mediapackage, MediaLiveSettings settings,
            CatalogProperties catalog) {
        return new PackagingCheck(new MediaPackageChannels(mediapackage), settings,
                catalog.hlsPath(settings.organizationId()), Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    MediaBackend mediaLiveBackend(MediaLiveClient medialive, SrtInputs inputs, MediaLiveSettings settings,
            ChannelMonitor monitor, PackagingCheck packaging, ObjectProvider<RelayTier> relay) {
        return new MediaLiveBackend(medialive, inputs, settings,
                Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("medialive-reconcile").factory()),
                Clock.systemUTC(), monitor, packaging, relay.getIfAvailable());
    }
}
