package io.lunora.viewer.subscription;

import java.util.List;

/**
 * What {@code GET /api/viewers/subscriptions} answers.
 *
 * @param subscriptionType the plan in force now ({@code free} when none)
 * @param provider         the payment provider, {@code local-test} locally: no money moves
 * @param current          the period in force, or null
 * @param periods          every period, newest first
 */
public record SubscriptionStatus(String subscriptionType, String subscriptionExpires, boolean autoRenew,
        String provider, Subscription current, List<Subscription> periods) {
}
