package io.lunora.auth.users;

import io.lunora.model.identity.Pool;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Viewer identities of local mode: consumer-pool users of the {@link UserStore}. */
@Component
@ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
class LocalViewerIdentities implements ViewerIdentities {
    private final UserStore users;
    private final MfaEnrolments mfa;

    LocalViewerIdentities(UserStore users, MfaEnrolments mfa) {
        this.users = users;
        this.mfa = mfa;
    }

    @Override
    public boolean delete(String viewerId) {
        return users.findById(viewerId).filter(u -> u.pool() == Pool.CONSUMER).map(viewer -> {
            mfa.withoutEnrolment(viewer);
            users.delete(viewer.id());
            return true;
        }).orElse(false);
    }
}
