package io.lunora.streaming.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverCountTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void shouldCountAnOutageThroughTheSlateAsOneFailover() {
        assertThat(session("primary>slate", "slate>secondary").failoverCount()).isEqualTo(1);
    }

    @Test
    void shouldCountNoFailoverWhenThePrimaryComesBackAfterTheSlate() {
        assertThat(session("primary>slate", "slate>primary").failoverCount()).isZero();
    }

    @Test
    void shouldCountEveryChangeBetweenInputs() {
        assertThat(session("primary>secondary", "secondary>primary", "primary>slate", "slate>secondary")
                .failoverCount()).isEqualTo(3);
    }

    @Test
    void shouldCountNothingWithoutEvents() {
        assertThat(session().failoverCount()).isZero();
    }

    private static StreamSession session(String... switches) {
        List<StreamSession.FailoverEvent> events = Arrays.stream(switches).map(s -> s.split(">"))
                .map(p -> new StreamSession.FailoverEvent(T0, p[0], p[1], "input_loss")).toList();
        return new StreamSession("org", "s1", "op", T0, null, SessionStatus.ACTIVE,
                new StreamSession.SourceSnapshot("auto_failover", 2, "Videon A", "Videon B", "primary"), List.of(),
                events, List.of(), false, null, null, null);
    }
}
