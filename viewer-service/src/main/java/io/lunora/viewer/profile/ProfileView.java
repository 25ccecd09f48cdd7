package io.lunora.viewer.profile;

import io.lunora.viewer.subscription.SubscriptionStatus;
import java.util.Set;

/**
 * The profile screen's data. {@code subscriptionType} is the plan in force now (from the
 * subscription periods), {@code memberSince} the creation date of the profile.
 */
public record ProfileView(String viewerId, String username, String email, String displayName, String region,
        Preferences viewingPreferences, ParentalControls parentalControls, String memberSince, String lastLogin,
        String subscriptionType, String subscriptionExpires, boolean autoRenew, String paymentProvider,
        boolean disabled, Library library) {

    /** The viewer's library and block list. */
    public record Library(Set<String> savedStreams, Set<String> likedStreams, Set<String> followedCreators,
            Set<String> blockedViewers) {
    }

    static ProfileView of(ViewerProfile p, SubscriptionStatus s) {
        return new ProfileView(p.viewerId(), p.username(), p.email(), p.displayName(), p.region(),
                p.viewingPreferences(), p.parentalControls(), p.createdAt(), p.lastLogin(), s.subscriptionType(),
                s.subscriptionExpires(), s.autoRenew(), s.provider(), p.disabled(),
                new Library(p.savedStreams(), p.likedStreams(), p.followedCreators(), p.blockedViewers()));
    }
}
