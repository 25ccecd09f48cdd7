package io.lunora.streaming.media.medialive;

import io.lunora.model.media.ChannelRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.media.ChannelRequest.Inputs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.medialive.model.InputAttachment;
import software.amazon.awssdk.services.medialive.model.InputPreference;

class FailoverMappingTest {

    @ParameterizedTest
    @CsvSource({
            "single, 0, stay, 0",
            "manual, 0, stay, 0",
            "auto_failover, 5, stay, 10",
            "auto_failover, 5, return_to_primary, 10",
            "auto_failover, 1, return_to_primary, 30",
            "auto_failover, 0, stay, 0"})
    void shouldMapEveryModeToAttachmentsAndBack(String mode, int threshold, String failback, int failbackAfter) {
        Inputs inputs = new Inputs(mode, threshold, failback, failbackAfter, null, null);

        List<InputAttachment> attachments = FailoverMapping.attachments(inputs, "1111", "2222");

        assertThat(FailoverMapping.inputsOf(attachments)).isEqualTo(inputs);
    }

    @Test
    void shouldAttachBothInputsAndPairThemOnThePrimaryAttachmentForAutoFailover() {
        List<InputAttachment> attachments = FailoverMapping.attachments(
                new Inputs("auto_failover", 5, "return_to_primary", 10, null, null), "1111", "2222");
        InputAttachment primary = attachments.get(0);

        assertThat(attachments.get(1)).isEqualTo(InputAttachment.builder().inputAttachmentName("secondary")
                .inputId("2222").build());
        assertThat(primary.inputAttachmentName()).isEqualTo("primary");
        assertThat(primary.inputId()).isEqualTo("1111");
        assertThat(primary.automaticInputFailoverSettings().secondaryInputId()).isEqualTo("2222");
        assertThat(primary.automaticInputFailoverSettings().inputPreference())
                .isEqualTo(InputPreference.PRIMARY_INPUT_PREFERRED);
        assertThat(primary.automaticInputFailoverSettings().errorClearTimeMsec()).isEqualTo(10_000);
        assertThat(primary.automaticInputFailoverSettings().failoverConditions().get(0).failoverConditionSettings()
                .inputLossSettings().inputLossThresholdMsec()).isEqualTo(5_000);
    }

    @Test
    void shouldKeepEqualPreferenceWhenFailbackStays() {
        InputAttachment primary = FailoverMapping.attachments(new Inputs("auto_failover", 5, "stay", 0, null, null),
                "1111", "2222").get(0);

        assertThat(primary.automaticInputFailoverSettings().inputPreference())
                .isEqualTo(InputPreference.EQUAL_INPUT_PREFERENCE);
    }

    @Test
    void shouldRaiseAThresholdBelowMediaLivesMinimumTo100Milliseconds() {
        InputAttachment primary = FailoverMapping.attachments(new Inputs("auto_failover", 0, "stay", 0, null, null),
                "1111", "2222").get(0);

        assertThat(primary.automaticInputFailoverSettings().failoverConditions().get(0).failoverConditionSettings()
                .inputLossSettings().inputLossThresholdMsec()).isEqualTo(100);
    }

    @Test
    void shouldAttachBothInputsWithoutFailoverInManualModeAndOnlyThePrimaryInSingleMode() {
        assertThat(FailoverMapping.attachments(new Inputs("manual", 5, "stay", 0, null, null), "1111", "2222"))
                .extracting(InputAttachment::inputAttachmentName, InputAttachment::inputId,
                        InputAttachment::automaticInputFailoverSettings)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("primary", "1111", null),
                        org.assertj.core.groups.Tuple.tuple("secondary", "2222", null));
        assertThat(FailoverMapping.attachments(new Inputs("single", 5, "stay", 0, null, null), "1111", null))
                .extracting(InputAttachment::inputId).containsExactly("1111");
    }
}
