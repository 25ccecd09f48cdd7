package io.lunora.streaming.internal;

import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaBackend;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The media backend's view of an organization's channel, for source-service's source status in aws
 * mode: on MediaLive only this service reads the inputs' health (CloudWatch and the channel's
 * alerts). Scope {@code internal} only; the gateway never routes {@code /internal/**}. Outputs carry
 * states and redacted errors, never a publish URL or stream key.
 */
@RestController
@Hidden
class InternalChannelController {
    private static final Logger log = LoggerFactory.getLogger(InternalChannelController.class);

    private final MediaBackend media;

    InternalChannelController(MediaBackend media) {
        this.media = media;
    }

    /** {@code running:false} and no inputs when the organization has no channel on. */
    @GetMapping("/internal/streaming/channel")
    ChannelStatus channel(@RequestParam @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String organization) {
        try {
            return media.status(organization);
        } catch (SdkException | RestClientException unavailable) {
            // MediaLive or the engine: the type only, their texts may hold request data
            log.warn("channel status of {} not read: {}", organization, unavailable.getClass().getSimpleName());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The media backend did not answer. Try again.");
            problem.setTitle("Media backend unavailable");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        }
    }
}
