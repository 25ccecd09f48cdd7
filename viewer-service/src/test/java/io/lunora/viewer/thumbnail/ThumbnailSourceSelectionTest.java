package io.lunora.viewer.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.viewer.thumbnail.s3.S3ThumbnailSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code lunora.mode} picks the thumbnail source: the engine's files locally, S3 with the services stack's bucket on AWS. */
class ThumbnailSourceSelectionTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ThumbnailConfiguration.class)
            .withPropertyValues("lunora.services.engine-url=http://127.0.0.1:8086");

    @Test
    void shouldReadTheEnginesFilesInLocalMode() {
        context.run(c -> assertThat(c.getBean(ThumbnailSource.class)).isInstanceOf(EngineThumbnailSource.class));
    }

    @Test
    void shouldReadTheBucketTheServicesStackNamesInAwsMode() {
        context.withPropertyValues("lunora.mode=aws")
                .withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        "stack-systemEnvironment", Map.<String, Object>of("LUNORA_THUMBNAILS_BUCKET", "lunora-org-1-dev",
                                "LUNORA_THUMBNAILS_REGION", "eu-west-1"))))
                .run(c -> {
                    assertThat(c.getBean(ThumbnailSource.class)).isInstanceOf(S3ThumbnailSource.class);
                    assertThat(c.getBean(ThumbnailProperties.class)).extracting(ThumbnailProperties::bucket,
                            ThumbnailProperties::region).containsExactly("lunora-org-1-dev", "eu-west-1");
                });
    }

    @Test
    void shouldRefuseToStartInAwsModeWithoutABucket() {
        context.withPropertyValues("lunora.mode=aws").run(c -> assertThat(c).getFailure().rootCause()
                .hasMessageContaining("lunora.thumbnails.bucket is required"));
    }
}
