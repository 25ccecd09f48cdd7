package io.lunora.streaming.recordings.s3;

import io.lunora.streaming.recordings.RecordingStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** In aws mode the recordings are MediaLive's archive in the organization's recording bucket. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "aws")
class S3RecordingConfiguration {

    @Bean(destroyMethod = "close")
    S3Client recordingS3Client(@Value("${lunora.aws.region:${lunora.dynamodb.region}}") String region) {
        return S3Client.builder().region(Region.of(region)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Bean
    RecordingStore s3RecordingStore(S3Client recordingS3Client,
            @Value("${lunora.medialive.recording-bucket}") String bucket) {
        return new S3RecordingStore(recordingS3Client, bucket);
    }
}
