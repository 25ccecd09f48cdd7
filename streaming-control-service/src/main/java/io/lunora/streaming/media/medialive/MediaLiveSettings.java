package io.lunora.streaming.media.medialive;

import java.time.Duration;

/**
 * What the MediaLive backend needs from the media stack (docs/aws.md), as plain values.
 *
 * @param organizationId    the organization the media stack serves: its channel role, MediaPackage
 *                          channel and bucket are that organization's alone
 * @param environment       {@code dev}, {@code staging} or {@code prod}: part of every resource name
 * @param channelRoleArn    the role a channel runs with (media stack output {@code ChannelRoleArn})
 * @param packagingChannelId the MediaPackage channel the HLS output group feeds
 * @param recordingBucket   the organization's bucket; recordings go under {@code recordings/}, thumbnails under {@code thumbnails/}
 * @param srtSecretPrefix   Secrets Manager name prefix of the SRT passphrases MediaLive reads
 * @param kmsKeyId          the key those secrets are encrypted with
 * @param settle            how long a burst of port calls is gathered into one channel change
 * @param pollInterval      how often a channel state is polled while waiting for it
 * @param stateTimeout      how long a channel may take to reach a state (idle after stop, ...)
 */
public record MediaLiveSettings(String organizationId, String environment, String channelRoleArn, String packagingChannelId,
        String recordingBucket, String srtSecretPrefix, String kmsKeyId, Duration settle, Duration pollInterval,
        Duration stateTimeout) {
}
