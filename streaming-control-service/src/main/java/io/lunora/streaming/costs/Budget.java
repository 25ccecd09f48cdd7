package io.lunora.streaming.costs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An organization's monthly budget and the shares of it (percent) whose crossing raises a cost alert.
 *
 * @param version   0 for the default budget nobody has set yet; every save adds one
 * @param updatedBy the username of who set it; null for the default
 */
public record Budget(String organizationId, BigDecimal monthlyAmountUsd, List<Integer> thresholds, long version,
        String updatedBy, Instant updatedAt) {
    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);

    public Budget {
        thresholds = List.copyOf(thresholds);
    }
}
