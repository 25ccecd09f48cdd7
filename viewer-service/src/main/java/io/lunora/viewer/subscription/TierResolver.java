package io.lunora.viewer.subscription;

import io.lunora.model.identity.Group;
import io.lunora.model.viewer.ViewerTier;
import io.lunora.support.security.Caller;
import io.lunora.viewer.web.Visitor;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The tier a caller watches with. The subscription decides: once a viewer has any subscription
 * record, their tier is the highest plan active now, and free when none is (so an expired period
 * downgrades access at once, whatever the token says). A viewer who never subscribed gets the tier
 * of their pool group ({@code premium}/{@code vip} granted in the user pool). Consumer admins and
 * internal admins see everything.
 */
@Component
public class TierResolver {
    private final SubscriptionStore subscriptions;
    private final Clock clock;

    public TierResolver(SubscriptionStore subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    public ViewerTier tierOf(Visitor visitor) {
        return visitor.caller().map(this::tierOf).orElse(ViewerTier.ANONYMOUS);
    }

    public ViewerTier tierOf(Caller caller) {
        if (caller.isIn(Group.CONSUMER_ADMINS) || caller.isIn(Group.ADMINS)) {
            return ViewerTier.ADMIN;
        }
        List<Subscription> periods = subscriptions.byViewer(caller.userId());
        if (!periods.isEmpty()) {
            return activePlan(periods, Instant.now(clock)).tier();
        }
        if (caller.isIn(Group.VIP)) {
            return ViewerTier.VIP;
        }
        return caller.isIn(Group.PREMIUM) ? ViewerTier.PREMIUM : ViewerTier.FREE;
    }

    static Plan activePlan(List<Subscription> periods, Instant now) {
        return periods.stream().filter(s -> s.activeAt(now)).map(Subscription::plan)
                .max(Comparator.naturalOrder()).orElse(Plan.FREE);
    }
}
