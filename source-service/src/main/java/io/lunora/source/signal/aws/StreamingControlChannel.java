package io.lunora.source.signal.aws;

import io.lunora.source.signal.SignalStatus;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The channel as streaming-control-service's media backend sees it ({@code GET
 * /internal/streaming/channel}): on MediaLive, both inputs' health from the channel's CloudWatch
 * metrics and alerts, which only that service reads. Its {@code outputs} are not read here.
 */
public class StreamingControlChannel {
    private static final Logger log = LoggerFactory.getLogger(StreamingControlChannel.class);

    private final RestClient streaming;

    public StreamingControlChannel(RestClient streaming) {
        this.streaming = streaming;
    }

    /** Empty when streaming-control cannot be reached or refuses (its token, its own backend). */
    public Optional<SignalStatus> status(String organizationId) {
        try {
            SignalStatus status = streaming.get().uri("/internal/streaming/channel?organization={org}", organizationId)
                    .retrieve().body(SignalStatus.class);
            return Optional.of(status == null ? new SignalStatus(false, null, List.of()) : status);
        } catch (RestClientResponseException refused) {
            log.warn("streaming-control refused the channel status of {}: HTTP {}", organizationId,
                    refused.getStatusCode().value());
        } catch (RestClientException | OAuth2AuthorizationException unreachable) {
            log.warn("streaming-control not reached for the channel status of {}: {}", organizationId,
                    unreachable.getClass().getSimpleName());
        }
        return Optional.empty();
    }
}
