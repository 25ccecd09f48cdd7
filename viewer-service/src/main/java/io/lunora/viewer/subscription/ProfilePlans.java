package io.lunora.viewer.subscription;

/**
 * The plan copied onto a viewer's profile ({@code subscription_type}, {@code subscription_expires}),
 * so that readers of the profile alone see it. Subscriptions keep it in step; the profile's storage
 * implements it, so subscriptions need not know profiles.
 */
public interface ProfilePlans {

    boolean hasProfile(String viewerId);

    /** Sets the plan in force and its end ({@code expires} null: no end, e.g. free). */
    void setPlan(String viewerId, String type, String expires);
}
