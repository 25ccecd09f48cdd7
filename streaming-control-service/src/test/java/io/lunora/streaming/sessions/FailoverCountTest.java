package io.lunora.streaming.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailoverCountTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void shouldCountAnOutageThroughTheSlateAsOneFailover() {
        assertThat(counted("primary>slate", "slate>secondary"))
                .isEqualTo(new SwitchCounts(2, 1, 1, "secondary"));
    }

    @Test
    void shouldCountNoFailoverWhenThePrimaryComesBackAfterTheSlate() {
        assertThat(counted("primary>slate", "slate>primary").failovers()).isZero();
    }

    @Test
    void shouldCountEveryChangeBetweenInputs() {
        assertThat(counted("primary>secondary", "secondary>primary", "primary>slate", "slate>secondary"))
                .isEqualTo(new SwitchCounts(4, 3, 1, "secondary"));
    }

    @Test
    void shouldCountNothingWithoutEvents() {
        assertThat(counted()).isEqualTo(SwitchCounts.NONE);
    }

    @Test
    void shouldKeepOnlyTheLatestSwitchesInTheSessionButCountThemAll() {
        StreamSession session = new StreamSession("org", "s1", "op", "user-op", T0, null, SessionStatus.ACTIVE,
                new StreamSession.SourceSnapshot("auto_failover", 2, "Videon A", "Videon B", "primary"), java.util.List.of(),
                SwitchCounts.NONE, java.util.List.of(), java.util.List.of(), false, null, null, null);
        for (int i = 0; i < 30; i++) {
            session = session.withSwitch(new StreamSession.FailoverEvent(T0.plusSeconds(i),
                    i % 2 == 0 ? "primary" : "secondary", i % 2 == 0 ? "secondary" : "primary", "input_loss"));
        }

        assertThat(session.recentSwitches()).hasSize(StreamSession.RECENT_SWITCHES)
                .last().extracting(StreamSession.FailoverEvent::time).isEqualTo(T0.plusSeconds(29));
        assertThat(session.switchCounts()).isEqualTo(new SwitchCounts(30, 30, 0, "primary"));
        assertThat(session.sourceConfig().activeInput()).isEqualTo("primary");
    }

    private static SwitchCounts counted(String... switches) {
        SwitchCounts counts = SwitchCounts.NONE;
        for (String s : switches) {
            String[] p = s.split(">");
            counts = counts.after(new StreamSession.FailoverEvent(T0, p[0], p[1], "input_loss"));
        }
        return counts;
    }
}
