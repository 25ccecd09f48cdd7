package io.lunora.source.signal.aws;

import io.lunora.source.signal.SourceSignal;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.medialive.MediaLiveClient;

/** The MediaLive channel is the signal source when {@code lunora.mode=aws}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "aws")
class MediaLiveSignalConfiguration {

    @Bean(destroyMethod = "close")
    MediaLiveClient mediaLiveClient(@Value("${lunora.aws.region:${lunora.dynamodb.region}}") String region) {
        return MediaLiveClient.builder().region(Region.of(region)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Bean
    SourceSignal mediaLiveSourceSignal(MediaLiveClient medialive,
            @Value("${lunora.dynamodb.environment}") String environment) {
        return new MediaLiveSourceSignal(medialive, environment, Clock.systemUTC());
    }
}
