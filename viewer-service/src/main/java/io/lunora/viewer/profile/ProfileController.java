package io.lunora.viewer.profile;

import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /api/viewers/profile}: always the caller's own profile. */
@RestController
class ProfileController {
    private final ProfileService profiles;

    ProfileController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/viewers/profile")
    ProfileView profile(Caller caller) {
        return profiles.view(caller);
    }

    @PutMapping("/api/viewers/profile")
    ProfileView update(Caller caller, @Valid @RequestBody ProfileUpdate update) {
        return profiles.update(caller, update);
    }
}
