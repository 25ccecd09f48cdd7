package io.lunora.gateway.playback;

import io.lunora.model.viewer.PlaybackTokens;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import reactor.netty.http.client.HttpClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The {@code PlaybackToken} route filter and what it needs: the shared HMAC key, the stream directory
 * and, for origins with numbered variants, their ladders.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlaybackProperties.class)
class PlaybackConfiguration {

    /** The gateway's one service token, shared by its internal calls (also the revocation check). */
    @Bean
    ServiceToken serviceToken(PlaybackProperties properties) {
        return new ServiceToken(shortTimeouts(), properties, Clock.systemUTC());
    }

    @Bean
    PlaybackTokenGatewayFilterFactory playbackTokenGatewayFilterFactory(PlaybackProperties properties,
            ModifyResponseBodyGatewayFilterFactory masterRewrite, HttpClient routeClient, ServiceToken serviceToken) {
        Clock clock = Clock.systemUTC();
        PlaybackDirectory directory = new ViewerPlaybackDirectory(shortTimeouts(), serviceToken,
                properties.directoryUrl(), properties.cacheTtl());
        // the origin's master is read with the route's own client: the TLS trust and proxy settings of the HLS route
        VariantLadders ladders = new VariantLadders(WebClient.builder().clientConnector(new ReactorClientHttpConnector(
                routeClient.responseTimeout(Duration.ofSeconds(3)))).build(), properties.cacheTtl());
        return new PlaybackTokenGatewayFilterFactory(new PlaybackTokens(PlaybackKey.resolve(properties)), directory,
                clock, masterRewrite, ladders);
    }

    /** Short timeouts: a player waiting on a segment is better served by a quick 503. */
    private static WebClient shortTimeouts() {
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000).responseTimeout(Duration.ofSeconds(3)))).build();
    }
}
