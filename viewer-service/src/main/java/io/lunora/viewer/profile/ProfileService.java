package io.lunora.viewer.profile;

import io.lunora.support.security.Caller;
import io.lunora.viewer.subscription.SubscriptionService;
import io.lunora.viewer.subscription.SubscriptionStatus;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** A viewer's own profile; created with defaults on first use, keyed by the token's {@code sub}. */
@Service
public class ProfileService {
    private final ProfileStore store;
    private final SubscriptionService subscriptions;
    private final Clock clock;

    ProfileService(ProfileStore store, SubscriptionService subscriptions, Clock clock) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    public ViewerProfile ensure(Caller caller) {
        return store.find(caller.userId()).orElseGet(() -> {
            store.createIfMissing(caller.userId(), caller.username(), Instant.now(clock).toString());
            return store.find(caller.userId()).orElseThrow();
        });
    }

    ProfileView view(Caller caller) {
        ensure(caller);
        store.touchLogin(caller.userId(), Instant.now(clock).toString());
        return ProfileView.of(store.find(caller.userId()).orElseThrow(), subscriptions.status(caller.userId()));
    }

    ProfileView update(Caller caller, ProfileUpdate update) {
        ensure(caller);
        store.updateSettings(caller.userId(), update.displayName().strip(), update.region(),
                update.viewingPreferences(), update.parentalControls());
        SubscriptionStatus status = subscriptions.status(caller.userId());
        return ProfileView.of(store.find(caller.userId()).orElseThrow(), status);
    }

    /** Adds or removes one library member; true when this call changed the set. */
    public boolean setMember(Caller caller, LibrarySet set, String value, boolean present) {
        ensure(caller);
        return present ? store.addMember(caller.userId(), set, value) : store.removeMember(caller.userId(), set, value);
    }
}
