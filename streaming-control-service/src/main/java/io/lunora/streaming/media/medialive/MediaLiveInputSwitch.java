package io.lunora.streaming.media.medialive;

import io.lunora.support.problem.ConflictException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.medialive.MediaLiveClient;
import software.amazon.awssdk.services.medialive.model.ChannelClass;
import software.amazon.awssdk.services.medialive.model.DescribeChannelResponse;
import software.amazon.awssdk.services.medialive.model.InputAttachment;
import software.amazon.awssdk.services.medialive.model.InputPreference;
import software.amazon.awssdk.services.medialive.model.ScheduleAction;

/**
 * An operator's input switch on a running MediaLive channel: an immediate {@code InputSwitch}
 * schedule action naming the attachment ({@code primary} or {@code secondary}, as
 * {@link FailoverMapping} names them). Inside a failover pair MediaLive switches by hand only with
 * equal input preference; with "return to primary" it would switch back on its own, so such a
 * switch is refused with the way out. A standard (two-pipeline) channel applies an immediate
 * action about 10 seconds later, which the operator is told.
 */
class MediaLiveInputSwitch {
    private static final Logger log = LoggerFactory.getLogger(MediaLiveInputSwitch.class);

    // MediaLive delays an immediate input switch on a two-pipeline channel so both pipelines switch on one frame
    static final String STANDARD_NOTICE = "This MediaLive channel is a standard (two-pipeline) channel: it applies "
            + "an immediate switch about 10 seconds from now, so that both pipelines switch on the same frame.";
    static final String SINGLE_PIPELINE_NOTICE = "MediaLive applies the switch as soon as it can; the source on air "
            + "changes in the live status when it has.";
    static final String RETURNS_TO_PRIMARY = "Failback is set to return to the primary: MediaLive would switch back "
            + "on its own. Set failback to stay to switch inputs by hand.";

    private final MediaLiveClient medialive;
    private final Clock clock;

    MediaLiveInputSwitch(MediaLiveClient medialive, Clock clock) {
        this.medialive = medialive;
        this.clock = clock;
    }

    /** @param channel a running channel; @return when MediaLive applies the switch, for the operator */
    Optional<String> switchTo(DescribeChannelResponse channel, String input, String reason) {
        boolean returnsToPrimary = channel.inputAttachments().stream()
                .map(InputAttachment::automaticInputFailoverSettings)
                .anyMatch(f -> f != null && f.inputPreference() == InputPreference.PRIMARY_INPUT_PREFERRED);
        if (returnsToPrimary) {
            throw new ConflictException(RETURNS_TO_PRIMARY);
        }
        String action = "switch-" + input + "-" + clock.millis();
        medialive.batchUpdateSchedule(b -> b.channelId(channel.id()).creates(c -> c.scheduleActions(
                ScheduleAction.builder().actionName(action)
                        .scheduleActionStartSettings(s -> s.immediateModeScheduleActionStartSettings(i -> { }))
                        .scheduleActionSettings(s -> s.inputSwitchSettings(w -> w.inputAttachmentNameReference(input)))
                        .build())));
        log.info("input switch to {} asked on channel {}: {}", input, channel.id(),
                reason == null ? "no reason given" : reason);
        return Optional.of(channel.channelClass() == ChannelClass.STANDARD ? STANDARD_NOTICE : SINGLE_PIPELINE_NOTICE);
    }
}
