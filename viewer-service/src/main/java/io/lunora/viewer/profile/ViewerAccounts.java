package io.lunora.viewer.profile;

import io.lunora.support.problem.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Viewer accounts as consumer admins and moderators manage them: all of them, and banning. */
@Service
public class ViewerAccounts {
    private final ProfileStore profiles;

    ViewerAccounts(ProfileStore profiles) {
        this.profiles = profiles;
    }

    public List<ViewerProfile> all() {
        return profiles.all();
    }

    /** Disables (bans) or re-enables a known viewer; a 404 for an unknown one. */
    public ViewerProfile setDisabled(String viewerId, boolean disabled) {
        profiles.find(viewerId).orElseThrow(() -> new NotFoundException("viewer", viewerId));
        profiles.setDisabled(viewerId, disabled);
        return profiles.find(viewerId).orElseThrow();
    }

    /** Moderation bans the author of a reported message. */
    public void ban(String viewerId) {
        profiles.setDisabled(viewerId, true);
    }
}
