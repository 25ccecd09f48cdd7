package io.lunora.source.signal.aws;

import io.lunora.source.signal.SourceSignal;
import io.lunora.support.clients.ServiceClients;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medialive.MediaLiveClient;

/**
 * On AWS ({@code lunora.mode=aws}) switching goes to the MediaLive channel, and status comes from
 * streaming-control-service, which reads the channel's input health.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "aws")
class MediaLiveSignalConfiguration {

    @Bean(destroyMethod = "close")
    MediaLiveClient mediaLiveClient(@Value("${lunora.aws.region:${lunora.dynamodb.region}}") String region) {
        return MediaLiveClient.builder().region(Region.of(region)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The operator waits on the status: a short read timeout, then MediaLive's own answer. */
    @Bean
    StreamingControlChannel streamingControlChannel(ServiceClients clients,
            @Value("${lunora.services.streaming-url}") String url) {
        return new StreamingControlChannel(clients.forService(url, Duration.ofSeconds(5)));
    }

    @Bean
    SourceSignal mediaLiveSourceSignal(MediaLiveClient medialive, StreamingControlChannel streaming,
            @Value("${lunora.dynamodb.environment}") String environment) {
        return new MediaLiveSourceSignal(medialive, streaming, environment, Clock.systemUTC());
    }
}
