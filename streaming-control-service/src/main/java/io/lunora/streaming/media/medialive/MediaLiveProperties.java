package io.lunora.streaming.media.medialive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lunora.medialive.*}: the services stack sets them as {@code LUNORA_MEDIALIVE_*}; see
 * {@link MediaLiveSettings} for what each means.
 */
@ConfigurationProperties(prefix = "lunora.medialive")
record MediaLiveProperties(String organizationId, String channelRoleArn, String packagingChannelId,
        String recordingBucket, String srtSecretPrefix, String kmsKeyId, Duration settle, Duration pollInterval,
        Duration stateTimeout, Duration healthInterval) {

    MediaLiveProperties {
        settle = settle == null ? Duration.ofSeconds(2) : settle;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        stateTimeout = stateTimeout == null ? Duration.ofMinutes(5) : stateTimeout;
        // CloudWatch is read at most this often per channel, however often status is polled
        healthInterval = healthInterval == null ? Duration.ofSeconds(30) : healthInterval;
    }

    MediaLiveSettings settings(String environment) {
        require(organizationId, "organization-id");
        require(channelRoleArn, "channel-role-arn");
        require(packagingChannelId, "packaging-channel-id");
        require(recordingBucket, "recording-bucket");
        require(srtSecretPrefix, "srt-secret-prefix");
        require(kmsKeyId, "kms-key-id");
        return new MediaLiveSettings(organizationId, environment, channelRoleArn, packagingChannelId, recordingBucket,
                srtSecretPrefix, kmsKeyId, settle, pollInterval, stateTimeout);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("lunora.medialive." + name + " is required in lunora.mode=aws");
        }
    }
}
