package io.lunora.source.signal.aws;

import io.lunora.source.signal.SignalStatus;
import io.lunora.source.signal.SourceSignal;
import io.lunora.support.problem.ConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.ChannelClass;
import software.amazon.awssdk.services.medialive.model.ChannelState;
import software.amazon.awssdk.services.medialive.model.DescribeChannelResponse;
import software.amazon.awssdk.services.medialive.model.InputAttachment;
import software.amazon.awssdk.services.medialive.model.InputPreference;
import software.amazon.awssdk.services.medialive.model.PipelineDetail;
import software.amazon.awssdk.services.medialive.model.ScheduleAction;

/**
 * Input status and switching on the organization's MediaLive channel ({@code {org}-{env}-live},
 * attachments {@code primary} and {@code secondary}, as streaming-control-service builds it).
 * A switch is an immediate {@code InputSwitch} schedule action. Inside a failover pair MediaLive
 * switches by hand only with equal input preference; with "return to primary" it would switch
 * back on its own, so such a switch is refused with the reason. A standard (two-pipeline) channel
 * applies an immediate action about 10 seconds later.
 *
 * <p>Status comes from streaming-control-service, which reads the inputs' health (CloudWatch and the
 * channel's alerts) for its own status and events; DescribeChannel here would only repeat what its
 * answer is built from. When streaming-control cannot be reached, DescribeChannel still tells
 * whether the channel runs and which input is on air, and the inputs' health is flagged unknown.
 */
public class MediaLiveSourceSignal implements SourceSignal {
    private static final Logger log = LoggerFactory.getLogger(MediaLiveSourceSignal.class);
    private static final Set<ChannelState> ON = Set.of(ChannelState.STARTING, ChannelState.RUNNING,
            ChannelState.RECOVERING);

    // MediaLive delays an immediate input switch on a two-pipeline channel so both pipelines switch on one frame
    static final String STANDARD_NOTICE = "This MediaLive channel is a standard (two-pipeline) channel: it applies "
            + "an immediate switch about 10 seconds from now, so that both pipelines switch on the same frame.";
    static final String SINGLE_PIPELINE_NOTICE = "MediaLive applies the switch as soon as it can; the source on air "
            + "changes in the live status when it has.";

    static final String HEALTH_UNKNOWN = "Streaming control did not answer, so the inputs' health is unknown. "
            + "Whether the channel runs and which input is on air come from MediaLive.";

    private final MediaLiveClient medialive;
    private final StreamingControlChannel streaming;
    private final String environment;
    private final Clock clock;

    public MediaLiveSourceSignal(MediaLiveClient medialive, StreamingControlChannel streaming, String environment,
            Clock clock) {
        this.medialive = medialive;
        this.streaming = streaming;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public SignalStatus status(String organizationId) {
        return streaming.status(organizationId).orElseGet(() -> withoutHealth(organizationId));
    }

    /** What MediaLive itself says: running and the input on air, never a guess at the inputs' health. */
    private SignalStatus withoutHealth(String organizationId) {
        Optional<DescribeChannelResponse> channel = aws(() -> channel(organizationId));
        if (channel.isEmpty() || !ON.contains(channel.get().state())) {
            return new SignalStatus(false, null, List.of(), HEALTH_UNKNOWN);
        }
        List<SignalStatus.Input> inputs = channel.get().inputAttachments().stream()
                .map(InputAttachment::inputAttachmentName).map(SignalStatus.Input::unknown).toList();
        return new SignalStatus(true, activeInput(channel.get()), inputs, HEALTH_UNKNOWN);
    }

    @Override
    public Optional<String> switchTo(String organizationId, String input, String reason) {
        DescribeChannelResponse channel = aws(() -> channel(organizationId))
                .filter(c -> ON.contains(c.state()))
                .orElseThrow(() -> new ConflictException("No channel is running: start streaming first."));
        boolean returnsToPrimary = channel.inputAttachments().stream()
                .map(InputAttachment::automaticInputFailoverSettings)
                .anyMatch(f -> f != null && f.inputPreference() == InputPreference.PRIMARY_INPUT_PREFERRED);
        if (returnsToPrimary) {
            throw new ConflictException("Failback is set to return to the primary: MediaLive would switch back on "
                    + "its own. Set failback to stay to switch inputs by hand.");
        }
        String action = "switch-" + input + "-" + clock.millis();
        aws(() -> medialive.batchUpdateSchedule(b -> b.channelId(channel.id()).creates(c -> c.scheduleActions(
                ScheduleAction.builder().actionName(action)
                        .scheduleActionStartSettings(s -> s.immediateModeScheduleActionStartSettings(i -> { }))
                        .scheduleActionSettings(s -> s.inputSwitchSettings(w -> w.inputAttachmentNameReference(input)))
                        .build()))));
        log.info("input switch to {} asked on channel {} ({})", input, channel.id(), reason);
        return Optional.of(channel.channelClass() == ChannelClass.STANDARD ? STANDARD_NOTICE : SINGLE_PIPELINE_NOTICE);
    }

    private Optional<DescribeChannelResponse> channel(String organizationId) {
        String name = organizationId + "-" + environment + "-live";
        return medialive.listChannelsPaginator(b -> b.maxResults(100)).channels().stream()
                .filter(c -> name.equals(c.name())).findFirst()
                .map(c -> medialive.describeChannel(b -> b.channelId(c.id())));
    }

    private static String activeInput(DescribeChannelResponse channel) {
        return channel.pipelineDetails().stream().map(PipelineDetail::activeInputAttachmentName)
                .filter(n -> n != null).findFirst().orElse(null);
    }

    private static <T> T aws(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException unavailable) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "MediaLive did not answer. Try again.");
            problem.setTitle("Media backend unavailable");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, unavailable);
        }
    }
}
