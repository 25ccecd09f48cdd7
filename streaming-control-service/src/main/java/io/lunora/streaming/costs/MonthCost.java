package io.lunora.streaming.costs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;

/**
 * The month so far: its sessions' usage (the live one's running cost included), the fixed monthly
 * charges, and the budget they are measured against.
 */
public record MonthCost(YearMonth month, SessionCost usage, BigDecimal otherServices, Budget budget) {

    public BigDecimal total() {
        return usage.total().add(otherServices);
    }

    /** Percent of the budget used; null for a budget of 0. */
    public BigDecimal shareUsed() {
        return budget.monthlyAmountUsd().signum() == 0 ? null
                : total().multiply(BigDecimal.valueOf(100)).divide(budget.monthlyAmountUsd(), MathContext.DECIMAL64);
    }
}
