package io.lunora.streaming.costs;

import io.lunora.streaming.sessions.StreamSession;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The one place a session is priced (the specification's "Cost Analysis"), from what it used:
 * <pre>
 * hours      = its duration (until now while it runs)
 * outputs    = its destinations, at least 1
 * medialive  = hours × (channel + (outputs − 1) × additional output + redundant input if it had failover)
 * transfer   = GB actually sent (all destinations) × data transfer out per GB
 * storage    = recorded: GB sent ÷ outputs (one copy of the program) × storage per GB-month; else 0
 * total      = medialive + transfer + storage
 * </pre>
 * A month adds {@link CostProperties#otherServicesPerMonth()} (see {@link CostService}).
 */
@Component
public class CostFormula {
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1_000_000_000L);

    private final CostProperties prices;

    public CostFormula(CostProperties prices) {
        this.prices = prices;
    }

    public SessionCost price(StreamSession session, Instant now) {
        BigDecimal seconds = BigDecimal.valueOf(Math.max(0, session.duration(now).toMillis())).movePointLeft(3);
        BigDecimal hours = seconds.divide(SECONDS_PER_HOUR, MathContext.DECIMAL64);
        int outputs = Math.max(1, session.destinations().size());
        boolean redundant = session.sourceConfig() != null && session.sourceConfig().redundancyMode() != null
                && !"single".equals(session.sourceConfig().redundancyMode());
        BigDecimal gigabytes = BigDecimal.valueOf(session.destinations().stream()
                .mapToLong(StreamSession.Destination::bytesSent).sum()).divide(BYTES_PER_GB, MathContext.DECIMAL64);

        BigDecimal perHour = prices.medialiveChannelPerHour()
                .add(prices.medialiveAdditionalOutputPerHour().multiply(BigDecimal.valueOf(outputs - 1L)))
                .add(redundant ? prices.medialiveRedundantInputPerHour() : BigDecimal.ZERO);
        BigDecimal medialive = hours.multiply(perHour);
        BigDecimal transfer = gigabytes.multiply(prices.dataTransferOutPerGb());
        BigDecimal storage = session.recording()
                ? gigabytes.divide(BigDecimal.valueOf(outputs), MathContext.DECIMAL64).multiply(prices.storagePerGbMonth())
                : BigDecimal.ZERO;
        return new SessionCost(hours.doubleValue(), gigabytes.doubleValue(), medialive, transfer, storage);
    }
}
