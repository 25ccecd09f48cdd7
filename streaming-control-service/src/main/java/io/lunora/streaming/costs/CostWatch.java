package io.lunora.streaming.costs;

import io.lunora.streaming.alerts.AlertCentre;
import io.lunora.streaming.alerts.AlertKind;
import io.lunora.streaming.sessions.SessionEnded;
import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares the month's cost with the budget's thresholds: periodically while a session runs (its
 * running cost grows), when a session ends and when the budget changes. Each threshold crossed
 * raises one {@link AlertKind#BUDGET_THRESHOLD_CROSSED} alert per month through the
 * {@link AlertCentre} (screen, mail, webhooks), and never again that month.
 */
@Component
public class CostWatch {
    private static final Logger log = LoggerFactory.getLogger(CostWatch.class);

    private final CostService costs;
    private final BudgetStore budgets;
    private final SessionStore sessions;
    private final AlertCentre alerts;
    private final Clock clock;

    public CostWatch(CostService costs, BudgetStore budgets, SessionStore sessions, AlertCentre alerts, Clock clock) {
        this.costs = costs;
        this.budgets = budgets;
        this.sessions = sessions;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Raises the alert of every threshold the organization's month has reached and not yet been alerted of. */
    public void check(String organizationId) {
        try {
            MonthCost month = costs.monthSoFar(organizationId);
            BigDecimal share = month.shareUsed();
            if (share == null) {
                return;
            }
            for (int threshold : month.budget().thresholds()) {
                // marked before raised: a crash between the two loses the alert rather than repeating it
                if (share.compareTo(BigDecimal.valueOf(threshold)) >= 0
                        && budgets.markAlerted(organizationId, month.month(), threshold)) {
                    alerts.raise(organizationId, AlertKind.BUDGET_THRESHOLD_CROSSED,
                            "budget-" + month.month() + "-" + threshold + "%", null, false,
                            "Streaming costs of " + month.month() + " reached " + threshold + "% of the budget: $"
                                    + usd(month.total()) + " of $" + usd(month.budget().monthlyAmountUsd()) + ".",
                            clock.instant());
                }
            }
        } catch (RuntimeException failed) {
            // the next check tries again; a check must never fail what triggered it
            log.warn("Cost check of organization {} failed: {}", organizationId, failed.getClass().getSimpleName());
        }
    }

    @EventListener
    void onSessionEnded(SessionEnded ended) {
        check(ended.session().organizationId());
    }

    /** The running sessions' organizations, whose month grows while they stream. */
    @Scheduled(fixedDelayString = "${lunora.costs.check-interval:1m}", initialDelayString = "${lunora.costs.check-interval:1m}")
    void checkRunningSessions() {
        sessions.findAllOpen().stream().map(StreamSession::organizationId).distinct().forEach(this::check);
    }

    private static String usd(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
