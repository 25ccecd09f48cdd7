package io.lunora.viewer.profile;

import java.util.Set;

/**
 * A viewer's profile (ViewerProfiles). The viewer's library (saved, liked, followed, blocked) is
 * kept on the same item as string sets, which makes each of those actions idempotent.
 */
public record ViewerProfile(String viewerId, String username, String email, String displayName, String region,
        Preferences viewingPreferences, ParentalControls parentalControls, String createdAt, String lastLogin,
        String subscriptionType, String subscriptionExpires, boolean disabled, Set<String> savedStreams,
        Set<String> likedStreams, Set<String> followedCreators, Set<String> blockedViewers) {
}
