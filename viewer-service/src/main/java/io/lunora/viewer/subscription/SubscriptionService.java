package io.lunora.viewer.subscription;

import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.viewer.ViewerProperties;
import io.lunora.viewer.subscription.PaymentProvider.PaymentRequest;
import io.lunora.viewer.subscription.PaymentProvider.PaymentResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Subscribing, cancelling, renewing and granting plans. Upgrading ends the current period at once
 * and charges the new plan in full; choosing {@code free} turns auto-renew off, so the paid period
 * runs to its end and then access falls back to free.
 */
@Service
public class SubscriptionService {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);
    static final String CURRENCY = "USD";

    private final SubscriptionStore store;
    private final ProfilePlans profiles;
    private final PaymentProvider payments;
    private final Clock clock;
    private final Duration period;

    SubscriptionService(SubscriptionStore store, ProfilePlans profiles, PaymentProvider payments, Clock clock,
            ViewerProperties properties) {
        this.store = store;
        this.profiles = profiles;
        this.payments = payments;
        this.clock = clock;
        this.period = properties.subscriptionPeriod();
    }

    public String providerName() {
        return payments.name();
    }

    public SubscriptionStatus status(String viewerId) {
        List<Subscription> periods = store.byViewer(viewerId);
        Instant now = Instant.now(clock);
        Optional<Subscription> current = periods.stream().filter(s -> s.activeAt(now))
                .max((a, b) -> a.plan().compareTo(b.plan()));
        return new SubscriptionStatus(current.map(Subscription::subscriptionType).orElse("free"),
                current.map(Subscription::endDate).orElse(null), current.map(Subscription::autoRenew).orElse(false),
                payments.name(), current.orElse(null), periods);
    }

    /** Subscribes to {@code plan}; a declined payment stores nothing and is a 402. */
    public SubscriptionStatus subscribe(String viewerId, Plan plan, boolean autoRenew, String paymentMethodId) {
        Instant now = Instant.now(clock);
        List<Subscription> active = store.byViewer(viewerId).stream().filter(s -> s.activeAt(now)).toList();
        if (plan == Plan.FREE) {
            active.forEach(s -> store.setAutoRenew(s.subscriptionId(), false));
            return status(viewerId);
        }
        if (active.stream().anyMatch(s -> s.plan().compareTo(plan) >= 0)) {
            throw new InvalidFieldException("plan", "you already have this plan or a higher one until it ends");
        }
        if (paymentMethodId == null) {
            throw new InvalidFieldException("payment_method_id", "is required for a paid plan");
        }
        Subscription paid = charge(viewerId, plan, now, autoRenew, paymentMethodId)
                .orElseThrow(() -> new PaymentDeclinedException("The payment was declined."));
        active.forEach(s -> store.endNow(s.subscriptionId(), now.toString()));
        store.put(paid);
        profiles.setPlan(viewerId, plan.wireValue(), paid.endDate());
        return status(viewerId);
    }

    /** A viewer's periods, newest first; every viewer's when {@code viewerId} is null (consumer admins). */
    public List<Subscription> periods(String viewerId) {
        return viewerId == null ? store.all() : store.byViewer(viewerId);
    }

    /** A consumer admin gives a viewer with a profile a plan for some days, without payment. */
    public Subscription grant(String viewerId, Plan plan, int days) {
        if (!profiles.hasProfile(viewerId)) {
            throw new NotFoundException("viewer", viewerId);
        }
        Instant now = Instant.now(clock);
        Instant end = now.plus(Duration.ofDays(days));
        Subscription granted = new Subscription(UUID.randomUUID().toString(), viewerId, plan.wireValue(),
                now.toString(), end.toString(), "granted", false, null, "admin-grant", null, 0, CURRENCY, now.toString());
        store.put(granted);
        profiles.setPlan(viewerId, plan.wireValue(), end.toString());
        return granted;
    }

    /** A consumer admin ends a period now (refunds are the payment provider's business). */
    public Subscription cancel(String subscriptionId) {
        Subscription s = store.find(subscriptionId).orElseThrow(() -> new NotFoundException("subscription", subscriptionId));
        store.endNow(subscriptionId, Instant.now(clock).toString());
        refreshProfile(s.viewerId());
        return store.find(subscriptionId).orElseThrow();
    }

    /**
     * Renews ended periods that auto-renew (charging the provider once per period), and moves
     * viewers whose period ended to free. Runs every minute; tests call it directly.
     */
    @Scheduled(fixedDelayString = "${lunora.viewer.renewal-interval:60s}", initialDelayString = "${lunora.viewer.renewal-interval:60s}")
    public void renewAndExpire() {
        Instant now = Instant.now(clock);
        for (Subscription s : store.all()) {
            if (!Instant.parse(s.endDate()).isAfter(now) && s.autoRenew() && store.claimRenewal(s.subscriptionId())) {
                Optional<Subscription> renewed = charge(s.viewerId(), s.plan(), now, true, s.paymentMethodId());
                renewed.ifPresentOrElse(store::put,
                        () -> log.info("Renewal of subscription {} was declined; the viewer falls back to free", s.subscriptionId()));
            }
        }
        store.all().stream().map(Subscription::viewerId).distinct().forEach(this::refreshProfile);
    }

    private Optional<Subscription> charge(String viewerId, Plan plan, Instant start, boolean autoRenew, String method) {
        String id = UUID.randomUUID().toString();
        PaymentResult result = payments.charge(new PaymentRequest(viewerId, plan, plan.priceCents(), CURRENCY, method, id));
        if (!result.succeeded()) {
            return Optional.empty();
        }
        return Optional.of(new Subscription(id, viewerId, plan.wireValue(), start.toString(), start.plus(period).toString(),
                "paid", autoRenew, method, payments.name(), result.paymentId(), plan.priceCents(), CURRENCY,
                Instant.now(clock).toString()));
    }

    /** Keeps the profile's denormalised subscription_type / subscription_expires in step with the periods. */
    private void refreshProfile(String viewerId) {
        if (viewerId.startsWith(AnonymisedViewer.PREFIX) || !profiles.hasProfile(viewerId)) {
            return;
        }
        SubscriptionStatus status = status(viewerId);
        profiles.setPlan(viewerId, status.subscriptionType(), status.subscriptionExpires());
    }
}
