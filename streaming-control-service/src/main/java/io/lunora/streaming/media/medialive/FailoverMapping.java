package io.lunora.streaming.media.medialive;

import io.lunora.model.media.ChannelRequest;
import io.lunora.model.media.ChannelRequest.Inputs;
import java.util.List;
import software.amazon.awssdk.services.medialive.model.AutomaticInputFailoverSettings;
import software.amazon.awssdk.services.medialive.model.FailoverCondition;
import software.amazon.awssdk.services.medialive.model.FailoverConditionSettings;
import software.amazon.awssdk.services.medialive.model.InputAttachment;
import software.amazon.awssdk.services.medialive.model.InputLossFailoverSettings;
import software.amazon.awssdk.services.medialive.model.InputPreference;

/**
 * The source configuration's redundancy as MediaLive input attachments, and back.
 * <ul>
 * <li>{@code single}: the primary input alone.</li>
 * <li>{@code auto_failover}: both inputs attached (a failover pair is two attachments of one channel),
 * the primary's with {@code AutomaticInputFailoverSettings} naming the secondary input: threshold → {@code INPUT_LOSS} condition (MediaLive's minimum is 100 ms);
 * failback {@code return_to_primary} → {@code PRIMARY_INPUT_PREFERRED}, {@code stay} →
 * {@code EQUAL_INPUT_PREFERENCE}; failback delay → {@code ErrorClearTimeMsec} (how long a
 * recovered input must stay clean before MediaLive counts it healthy again).</li>
 * <li>{@code manual}: two plain attachments, switched only by {@code InputSwitch} actions.</li>
 * </ul>
 * Attachment names are {@code primary} and {@code secondary}, the input names of the media port.
 */
final class FailoverMapping {
    static final String PRIMARY = "primary";
    static final String SECONDARY = "secondary";
    static final int MINIMUM_THRESHOLD_MS = 100;

    private FailoverMapping() {
    }

    static List<InputAttachment> attachments(Inputs inputs, String primaryInputId, String secondaryInputId) {
        return switch (inputs.mode()) {
            case "single" -> List.of(attachment(PRIMARY, primaryInputId, null));
            case "manual" -> List.of(attachment(PRIMARY, primaryInputId, null),
                    attachment(SECONDARY, secondaryInputId, null));
            case "auto_failover" -> List.of(attachment(PRIMARY, primaryInputId, failover(inputs, secondaryInputId)),
                    attachment(SECONDARY, secondaryInputId, null));
            default -> throw new IllegalArgumentException("unknown redundancy mode " + inputs.mode());
        };
    }

    /** The redundancy a channel's attachments describe; inputs themselves are not part of it. */
    static Inputs inputsOf(List<InputAttachment> attachments) {
        AutomaticInputFailoverSettings failover = attachments.get(0).automaticInputFailoverSettings();
        if (failover == null) {
            return new Inputs(attachments.size() == 2 ? "manual" : "single", 0, "stay", 0, null, null);
        }
        int thresholdMs = failover.failoverConditions().get(0).failoverConditionSettings().inputLossSettings()
                .inputLossThresholdMsec();
        String failback = failover.inputPreference() == InputPreference.PRIMARY_INPUT_PREFERRED
                ? "return_to_primary" : "stay";
        return new Inputs("auto_failover", Math.round(thresholdMs / 1000f), failback,
                failover.errorClearTimeMsec() / 1000, null, null);
    }

    private static AutomaticInputFailoverSettings failover(Inputs inputs, String secondaryInputId) {
        int thresholdMs = Math.max(MINIMUM_THRESHOLD_MS, inputs.failoverThreshold() * 1000);
        return AutomaticInputFailoverSettings.builder()
                .secondaryInputId(secondaryInputId)
                .inputPreference("return_to_primary".equals(inputs.failback())
                        ? InputPreference.PRIMARY_INPUT_PREFERRED : InputPreference.EQUAL_INPUT_PREFERENCE)
                .errorClearTimeMsec(Math.max(1, inputs.failbackAfter() * 1000))
                .failoverConditions(FailoverCondition.builder()
                        .failoverConditionSettings(FailoverConditionSettings.builder()
                                .inputLossSettings(InputLossFailoverSettings.builder()
                                        .inputLossThresholdMsec(thresholdMs).build())
                                .build())
                        .build())
                .build();
    }

    private static InputAttachment attachment(String name, String inputId, AutomaticInputFailoverSettings failover) {
        return InputAttachment.builder().inputAttachmentName(name).inputId(inputId)
                .automaticInputFailoverSettings(failover).build();
    }
}
