package io.lunora.streaming.costs;

import io.lunora.support.security.Caller;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/costs} (admins, their organization's): the costs of a range of days and of the month so
 * far, priced on the server so that every screen shows the same figures; {@code /api/costs/budget}.
 * Amounts are USD rounded to cents, each from the unrounded figures.
 */
@RestController
@RequestMapping("/api/costs")
class CostController {
    private final CostService costs;
    private final CostWatch watch;
    private final Clock clock;

    CostController(CostService costs, CostWatch watch, Clock clock) {
        this.costs = costs;
        this.watch = watch;
        this.clock = clock;
    }

    record Breakdown(BigDecimal medialive, BigDecimal dataTransfer, BigDecimal storage, BigDecimal total) {
        static Breakdown of(SessionCost c) {
            return new Breakdown(usd(c.medialive()), usd(c.dataTransfer()), usd(c.storage()), usd(c.total()));
        }
    }

    record SessionCostView(String sessionId, String status, Instant startTime, Instant endTime, double hours,
            double gigabytes, Breakdown cost) {
    }

    /** @param shareUsed percent of the budget, one decimal; null for a budget of 0 */
    record MonthView(YearMonth month, Breakdown usage, BigDecimal otherServices, BigDecimal total,
            BigDecimal budget, BigDecimal shareUsed, List<Integer> thresholds) {
        static MonthView of(MonthCost m) {
            BigDecimal share = m.shareUsed();
            return new MonthView(m.month(), Breakdown.of(m.usage()), usd(m.otherServices()), usd(m.total()),
                    usd(m.budget().monthlyAmountUsd()), share == null ? null : share.setScale(1, RoundingMode.HALF_UP),
                    m.budget().thresholds());
        }
    }

    record CostsView(LocalDate from, LocalDate to, String currency, Breakdown total, List<SessionCostView> sessions,
            MonthView month) {
    }

    record BudgetView(BigDecimal monthlyAmountUsd, List<Integer> thresholds, long version, String updatedBy,
            Instant updatedAt) {
        static BudgetView of(Budget b) {
            return new BudgetView(usd(b.monthlyAmountUsd()), b.thresholds(), b.version(), b.updatedBy(), b.updatedAt());
        }
    }

    record BudgetRequest(BigDecimal monthlyAmountUsd, List<Integer> thresholds, Long version) {
    }

    /** {@code from} defaults to the first day of this month, {@code to} to today (UTC). */
    @GetMapping
    CostsView costs(Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = from == null ? today.withDayOfMonth(1) : from;
        LocalDate last = to == null ? today : to;
        List<CostService.PricedSession> priced = costs.sessions(caller, first, last);
        SessionCost total = priced.stream().map(CostService.PricedSession::cost).reduce(SessionCost.NONE, SessionCost::plus);
        return new CostsView(first, last, "USD", Breakdown.of(total),
                priced.stream().map(p -> new SessionCostView(p.session().sessionId(), p.session().status().value(),
                        p.session().startTime(), p.session().endTime(), round(p.cost().hours(), 3),
                        round(p.cost().gigabytes(), 3), Breakdown.of(p.cost()))).toList(),
                MonthView.of(costs.monthSoFar(caller.requireOrganization())));
    }

    @GetMapping("/budget")
    BudgetView budget(Caller caller) {
        return BudgetView.of(costs.budget(caller.requireOrganization()));
    }

    /** A lower budget may be crossed at once: the month is checked right after the change. */
    @PutMapping("/budget")
    BudgetView setBudget(Caller caller, @RequestBody(required = false) BudgetRequest body) {
        BudgetRequest request = body == null ? new BudgetRequest(null, null, null) : body;
        Budget saved = costs.setBudget(caller, request.monthlyAmountUsd(), request.thresholds(), request.version());
        watch.check(saved.organizationId());
        return BudgetView.of(saved);
    }

    private static BigDecimal usd(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
