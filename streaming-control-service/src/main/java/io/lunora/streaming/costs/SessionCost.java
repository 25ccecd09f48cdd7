package io.lunora.streaming.costs;

import java.math.BigDecimal;

/** What one session costs, by item (USD, unrounded), and the usage it was priced from. */
public record SessionCost(double hours, double gigabytes, BigDecimal medialive, BigDecimal dataTransfer,
        BigDecimal storage) {

    public static final SessionCost NONE = new SessionCost(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public BigDecimal total() {
        return medialive.add(dataTransfer).add(storage);
    }

    public SessionCost plus(SessionCost other) {
        return new SessionCost(hours + other.hours, gigabytes + other.gigabytes, medialive.add(other.medialive),
                dataTransfer.add(other.dataTransfer), storage.add(other.storage));
    }
}
