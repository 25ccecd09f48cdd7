package io.lunora.streaming.costs;

import io.lunora.streaming.control.StreamingControlService;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.support.problem.FieldErrors;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.security.Caller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Costs from measured usage: every session of a range priced by the {@link CostFormula}, the month so
 * far against the organization's budget, and the budget itself. Months and days are UTC, as the
 * sessions' history counts them; a session counts in the month (and range) it started in.
 */
@Service
public class CostService {
    private static final Logger log = LoggerFactory.getLogger(CostService.class);
    static final BigDecimal MAX_BUDGET = new BigDecimal("100000000");
    static final int MAX_THRESHOLDS = 10;

    private final SessionStore sessions;
    private final StreamingControlService control;
    private final MediaBackend media;
    private final BudgetStore budgets;
    private final CostFormula formula;
    private final CostProperties prices;
    private final Clock clock;

    public CostService(SessionStore sessions, StreamingControlService control, MediaBackend media, BudgetStore budgets,
            CostFormula formula, CostProperties prices, Clock clock) {
        this.sessions = sessions;
        this.control = control;
        this.media = media;
        this.budgets = budgets;
        this.formula = formula;
        this.prices = prices;
        this.clock = clock;
    }

    /** One session and its cost. */
    public record PricedSession(StreamSession session, SessionCost cost) {
    }

    /** The sessions started from {@code from} to {@code to} (days, both included), newest first, priced. */
    public List<PricedSession> sessions(Caller caller, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidFieldException("from", "from must not be after to");
        }
        if (from.plusDays(StreamingControlService.MAX_RANGE_DAYS).isBefore(to)) {
            throw new InvalidFieldException("to", "a range covers " + StreamingControlService.MAX_RANGE_DAYS
                    + " days at most");
        }
        return priced(caller.requireOrganization(), from, to);
    }

    public MonthCost monthSoFar(String organizationId) {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        SessionCost usage = priced(organizationId, month.atDay(1), month.atEndOfMonth()).stream()
                .map(PricedSession::cost).reduce(SessionCost.NONE, SessionCost::plus);
        return new MonthCost(month, usage, prices.otherServicesPerMonth(), budget(organizationId));
    }

    /** The organization's budget; the configured default (version 0) until an admin sets one. */
    public Budget budget(String organizationId) {
        return budgets.find(organizationId).orElseGet(() -> new Budget(organizationId, prices.defaultMonthlyBudget(),
                Budget.DEFAULT_THRESHOLDS, 0, null, null));
    }

    /**
     * Sets the budget if {@code version} is the one the admin read; thresholds default to
     * {@link Budget#DEFAULT_THRESHOLDS}. 400 naming the field at fault, 409 for a stale version.
     */
    public Budget setBudget(Caller caller, BigDecimal amount, List<Integer> thresholds, Long version) {
        String org = caller.requireOrganization();
        FieldErrors errors = new FieldErrors();
        if (amount == null) {
            errors.add("monthly_amount_usd", "is required");
        } else if (amount.signum() <= 0 || amount.compareTo(MAX_BUDGET) > 0) {
            errors.add("monthly_amount_usd", "must be more than 0 and at most " + MAX_BUDGET.toPlainString() + " USD");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add("monthly_amount_usd", "is dollars and cents: at most 2 decimals");
        }
        List<Integer> wanted = thresholds == null ? Budget.DEFAULT_THRESHOLDS : thresholds;
        if (wanted.isEmpty() || wanted.size() > MAX_THRESHOLDS || wanted.stream().anyMatch(java.util.Objects::isNull)
                || wanted.stream().anyMatch(t -> t < 1 || t > 200)) {
            errors.add("thresholds", "1 to " + MAX_THRESHOLDS + " percentages, each from 1 to 200");
        } else if (new HashSet<>(wanted).size() != wanted.size()) {
            errors.add("thresholds", "each percentage once");
        }
        if (version == null) {
            errors.add("version", "is required: send the version you read (0 before a budget was set)");
        }
        errors.throwIfAny();
        if (version != budget(org).version()) {
            throw new io.lunora.support.problem.ConcurrentChangeException();
        }
        Budget saved = new Budget(org, amount.setScale(2), wanted.stream().sorted().toList(), version + 1,
                caller.username(), clock.instant());
        budgets.save(saved);
        return saved;
    }

    private List<PricedSession> priced(String org, LocalDate from, LocalDate to) {
        return sessions.startedBetween(org, from, to, StreamingControlService.MAX_RANGE_SESSIONS).stream()
                .map(s -> s.status().isOpen() ? withLiveCounters(s) : s)
                .map(s -> new PricedSession(s, formula.price(s, clock.instant())))
                .toList();
    }

    /** A running session's bytes as the backend counts them now; the stored ones if it cannot answer. */
    private StreamSession withLiveCounters(StreamSession open) {
        try {
            ChannelStatus status = media.status(open.organizationId());
            return status == null ? open : control.withLiveFigures(open, status);
        } catch (RuntimeException unavailable) {
            log.warn("Costs of session {} without live counters: {}", open.sessionId(),
                    unavailable.getClass().getSimpleName());
            return open;
        }
    }
}
