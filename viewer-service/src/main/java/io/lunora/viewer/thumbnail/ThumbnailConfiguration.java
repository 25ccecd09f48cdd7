package io.lunora.viewer.thumbnail;

import io.lunora.viewer.thumbnail.s3.S3ThumbnailConfiguration;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The thumbnail source by {@code lunora.mode}: the local engine's files, or MediaLive's frame captures on S3. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ThumbnailProperties.class)
@Import(S3ThumbnailConfiguration.class)
class ThumbnailConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
    static class Local {
        /**
         * The engine serves {@code /hls/**} without credentials (the gateway checks viewers in front
         * of it), so this client carries no service token; short timeouts keep a stalled engine from
         * holding viewer requests.
         */
        @Bean
        ThumbnailSource engineThumbnailSource(@Value("${lunora.services.engine-url}") String engineUrl) {
            SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
            timeouts.setConnectTimeout(Duration.ofSeconds(2));
            timeouts.setReadTimeout(Duration.ofSeconds(3));
            return new EngineThumbnailSource(RestClient.builder().baseUrl(engineUrl).requestFactory(timeouts).build());
        }
    }
}
