package io.lunora.streaming.media.medialive;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.streaming.catalog.CatalogProperties;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.support.clients.ServiceClients;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** {@code lunora.mode=aws} selects MediaLive with the services stack's settings; local mode never does. */
class MediaLiveSelectionTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(MediaLiveConfiguration.class)
            .withPropertyValues("lunora.dynamodb.environment=dev", "lunora.aws.region=eu-west-1")
            // the environment variables the services stack sets, bound as Spring binds the process environment
            .withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                    "stack-systemEnvironment", Map.<String, Object>of(
                            "LUNORA_MEDIALIVE_ORGANIZATIONID", "org-1",
                            "LUNORA_MEDIALIVE_CHANNELROLEARN", "arn:aws:iam::123456789012:role/lunora-org-1-dev-medialive",
                            "LUNORA_MEDIALIVE_PACKAGINGCHANNELID", "org-1-dev-live",
                            "LUNORA_MEDIALIVE_RECORDINGBUCKET", "lunora-org-1-dev",
                            "LUNORA_MEDIALIVE_SRTSECRETPREFIX", "lunora/dev/org-1/srt/",
                            "LUNORA_MEDIALIVE_KMSKEYID", "arn:aws:kms:eu-west-1:123456789012:key/k-1",
                            "LUNORA_CATALOG_HLSURL", "/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8"))));

    @Test
    void shouldSelectMediaLiveInAwsMode() {
        context.withPropertyValues("lunora.mode=aws").run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBean(MediaBackend.class)).isInstanceOf(MediaLiveBackend.class);
            assertThat(c.getBean(MediaLiveSettings.class)).extracting(MediaLiveSettings::organizationId,
                    MediaLiveSettings::environment, MediaLiveSettings::packagingChannelId, MediaLiveSettings::kmsKeyId)
                    .containsExactly("org-1", "dev", "org-1-dev-live", "arn:aws:kms:eu-west-1:123456789012:key/k-1");
            assertThat(c.getBean(MediaLiveSettings.class).settle()).hasSeconds(2);
            assertThat(c.getBean(MediaLiveProperties.class).healthInterval()).hasSeconds(30);
            assertThat(c).as("no relay configured: the update cycle").doesNotHaveBean(RelayTier.class);
            // the preflight compares the packaging endpoint with the catalog's hls_url, bound here too
            assertThat(c).hasSingleBean(PackagingCheck.class);
            assertThat(c.getBean(CatalogProperties.class).hlsUrl())
                    .isEqualTo("/out/v1/6d8c2a0b4f9e4c7d9a1b3c5d7e9f0a1b/index.m3u8");
        });
    }

    @Test
    void shouldDriveTheRelayTierWhenTheStackNamesTheRelay() {
        withServiceClients(context).withPropertyValues("lunora.mode=aws")
                .withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                        "relay-systemEnvironment", Map.<String, Object>of(
                                "LUNORA_MEDIALIVE_RELAY_URL", "http://relay.lunora-dev.internal:8086",
                                "LUNORA_MEDIALIVE_RELAY_HOST", "lunora-dev-relay-0123.elb.eu-west-1.amazonaws.com"))))
                .run(c -> {
                    assertThat(c).hasNotFailed().hasSingleBean(RelayTier.class);
                    assertThat(c.getBean(MediaBackend.class)).isInstanceOf(MediaLiveBackend.class);
                    assertThat(c.getBean(RelayProperties.class).settings()).isEqualTo(new RelaySettings(
                            "http://relay.lunora-dev.internal:8086", "lunora-dev-relay-0123.elb.eu-west-1.amazonaws.com", 500));
                });
    }

    @Test
    void shouldRefuseARelayWithoutTheAddressMediaLiveSendsTo() {
        withServiceClients(context).withPropertyValues("lunora.mode=aws",
                "lunora.medialive.relay.url=http://relay.lunora-dev.internal:8086")
                .run(c -> assertThat(c).getFailure().rootCause()
                        .hasMessageContaining("lunora.medialive.relay.host is required"));
    }

    private static ApplicationContextRunner withServiceClients(ApplicationContextRunner runner) {
        JsonMapper json = JsonMapper.builder().build();
        return runner.withBean(JsonMapper.class, () -> json)
                .withBean(ServiceClients.class, () -> new ServiceClients(request -> null, json));
    }

    @Test
    void shouldRefuseToStartInAwsModeWithoutTheMediaStacksSettings() {
        new ApplicationContextRunner().withUserConfiguration(MediaLiveConfiguration.class)
                .withPropertyValues("lunora.mode=aws", "lunora.dynamodb.environment=dev", "lunora.aws.region=eu-west-1")
                .run(c -> assertThat(c).getFailure().rootCause()
                        .hasMessageContaining("lunora.medialive.organization-id is required"));
    }

    @Test
    void shouldNotSelectMediaLiveInLocalMode() {
        context.withPropertyValues("lunora.mode=local").run(c -> assertThat(c).doesNotHaveBean(MediaBackend.class));
        context.run(c -> assertThat(c).doesNotHaveBean(MediaBackend.class));
    }
}
