package io.lunora.streaming.costs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.streaming.sessions.OutputState;
import io.lunora.streaming.sessions.SessionStatus;
import io.lunora.streaming.sessions.StreamSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The formula with today's default prices, item by item, for ended and running sessions. */
class CostFormulaTest {
    static final Instant START = Instant.parse("2026-06-10T10:00:00Z");
    final CostFormula formula = new CostFormula(new CostProperties(null, null, null, null, null, null, null, null));

    @Test
    void shouldPriceChannelHoursOutputsRedundancyBytesAndRecording() {
        // 2 h, 3 destinations, failover, 10 GB sent, recorded
        SessionCost cost = formula.price(session(Duration.ofHours(2), 3, "automatic", 10_000_000_000L, true),
                START.plus(Duration.ofDays(1)));

        assertThat(cost.hours()).isEqualTo(2.0);
        assertThat(cost.gigabytes()).isEqualTo(10.0);
        // 2 h × (2.50 + 2 × 0.50 + 0.50)
        assertThat(cost.medialive()).isEqualByComparingTo("8.00");
        // 10 GB × 0.09
        assertThat(cost.dataTransfer()).isEqualByComparingTo("0.90");
        // one copy of the program (10 GB ÷ 3) for a month × 0.023
        assertThat(cost.storage()).isCloseTo(new BigDecimal("0.0766667"), org.assertj.core.data.Offset.offset(
                new BigDecimal("0.0000001")));
        assertThat(cost.total()).isCloseTo(new BigDecimal("8.9766667"), org.assertj.core.data.Offset.offset(
                new BigDecimal("0.0000001")));
    }

    @Test
    void shouldPriceASingleInputSessionWithoutRecordingByChannelAndTransferOnly() {
        SessionCost cost = formula.price(session(Duration.ofMinutes(30), 1, "single", 2_000_000_000L, false),
                START.plus(Duration.ofDays(1)));

        assertThat(cost.medialive()).isEqualByComparingTo("1.25");
        assertThat(cost.dataTransfer()).isEqualByComparingTo("0.18");
        assertThat(cost.storage()).isEqualByComparingTo("0");
        assertThat(cost.total()).isEqualByComparingTo("1.43");
    }

    @Test
    void shouldPriceARunningSessionUntilNowAndASessionWithoutDestinationsAsOneOutput() {
        StreamSession running = session(null, 0, "single", 0, false);
        assertThat(formula.price(running, START.plus(Duration.ofMinutes(90))).medialive()).isEqualByComparingTo("3.75");
        assertThat(formula.price(running, START.plus(Duration.ofHours(3))).medialive()).isEqualByComparingTo("7.50");
    }

    @Test
    void shouldUseTheConfiguredPrices() {
        CostFormula dearer = new CostFormula(new CostProperties(new BigDecimal("4"), new BigDecimal("1"),
                new BigDecimal("2"), new BigDecimal("0.10"), new BigDecimal("0.05"), null, null, null));
        SessionCost cost = dearer.price(session(Duration.ofHours(1), 2, "automatic", 4_000_000_000L, true), START.plusSeconds(86_400));
        assertThat(cost.medialive()).isEqualByComparingTo("7");
        assertThat(cost.dataTransfer()).isEqualByComparingTo("0.40");
        assertThat(cost.storage()).isEqualByComparingTo("0.10");
    }

    static StreamSession session(Duration ran, int outputs, String redundancy, long bytes, boolean recording) {
        List<StreamSession.Destination> destinations = IntStream.range(0, outputs)
                .mapToObj(i -> new StreamSession.Destination("d" + i, "D" + i, "custom", "p", OutputState.STOPPED,
                        false, START, ran == null ? null : START.plus(ran), bytes / outputs + (i == 0 ? bytes % outputs : 0), 0,
                        null))
                .toList();
        return new StreamSession("org", "s1", "op", "user-op", START, ran == null ? null : START.plus(ran),
                ran == null ? SessionStatus.ACTIVE : SessionStatus.STOPPED,
                new StreamSession.SourceSnapshot(redundancy, 3, "A", "B", "primary"), destinations, null, List.of(),
                List.of(), recording, null, null, null);
    }
}
