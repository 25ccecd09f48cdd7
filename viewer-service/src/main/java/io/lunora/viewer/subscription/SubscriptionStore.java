package io.lunora.viewer.subscription;

import java.util.List;
import java.util.Optional;

/** Where subscription periods are kept (ViewerSubscriptions). */
public interface SubscriptionStore {

    void put(Subscription subscription);

    Optional<Subscription> find(String subscriptionId);

    /** A viewer's periods, newest first. */
    List<Subscription> byViewer(String viewerId);

    /** Every period, newest first. */
    List<Subscription> all();

    /** Ends a period now (upgrade or admin cancel): it stops granting access and will not renew. */
    void endNow(String subscriptionId, String now);

    void setAutoRenew(String subscriptionId, boolean autoRenew);

    /**
     * Takes the right to renew a period: true for exactly one caller, so two renewal runs can never
     * charge twice for the same period.
     */
    boolean claimRenewal(String subscriptionId);

    /** Replaces the viewer id of a deleted account's billing records by an anonymous marker. */
    void anonymise(String subscriptionId, String marker);
}
