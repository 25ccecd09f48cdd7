package io.lunora.viewer.thumbnail.s3;

import io.lunora.viewer.thumbnail.ThumbnailProperties;
import io.lunora.viewer.thumbnail.ThumbnailSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS mode's thumbnail source: MediaLive's frame captures in the organization's S3 bucket. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "aws")
public class S3ThumbnailConfiguration {

    @Bean(destroyMethod = "close")
    S3Client thumbnailS3Client(ThumbnailProperties properties) {
        return S3Client.builder().region(Region.of(properties.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @Bean
    ThumbnailSource s3ThumbnailSource(S3Client thumbnailS3Client, ThumbnailProperties properties) {
        if (properties.bucket() == null || properties.bucket().isBlank()) {
            throw new IllegalStateException("lunora.thumbnails.bucket is required in aws mode");
        }
        return new S3ThumbnailSource(thumbnailS3Client, properties.bucket());
    }
}
