package io.lunora.streaming.costs;

import java.time.YearMonth;
import java.util.Optional;

/** Outgoing port: the CostBudgets table (budgets, and the thresholds already alerted per month). */
public interface BudgetStore {

    Optional<Budget> find(String organizationId);

    /**
     * Saves {@code budget} if the stored version is {@code budget.version() - 1} (none stored for
     * version 1); else throws {@link io.lunora.support.problem.ConcurrentChangeException}.
     */
    void save(Budget budget);

    /**
     * Records that {@code threshold} was alerted for {@code month}: true the first time only, so
     * that the alert is raised once however many checks (or instances) see the crossing.
     */
    boolean markAlerted(String organizationId, YearMonth month, int threshold);
}
