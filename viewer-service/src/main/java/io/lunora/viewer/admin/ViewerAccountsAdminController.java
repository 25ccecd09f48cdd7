package io.lunora.viewer.admin;

import io.lunora.viewer.profile.ViewerAccounts;
import io.lunora.viewer.profile.ViewerProfile;
import io.lunora.viewer.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Viewer accounts for consumer admins: search by id, username, display name or email; disable and enable. */
@RestController
@RequestMapping("/api/viewer-admin/viewers")
class ViewerAccountsAdminController {
    private final ViewerAccounts profiles;

    ViewerAccountsAdminController(ViewerAccounts profiles) {
        this.profiles = profiles;
    }

    /** A viewer account as consumer admins see it (no library, no preferences). */
    record ViewerAccount(String viewerId, String username, String email, String displayName, String region,
            String subscriptionType, String subscriptionExpires, String createdAt, String lastLogin, boolean disabled) {

        static ViewerAccount of(ViewerProfile p) {
            return new ViewerAccount(p.viewerId(), p.username(), p.email(), p.displayName(), p.region(),
                    p.subscriptionType(), p.subscriptionExpires(), p.createdAt(), p.lastLogin(), p.disabled());
        }
    }

    record DisabledRequest(@NotNull Boolean disabled) {
    }

    @GetMapping
    Page<ViewerAccount> search(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<ViewerAccount> matches = profiles.all().stream()
                .filter(p -> needle.isEmpty() || contains(p.viewerId(), needle) || contains(p.username(), needle)
                        || contains(p.displayName(), needle) || contains(p.email(), needle))
                .sorted(Comparator.comparing(ViewerProfile::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(ViewerAccount::of).toList();
        return Page.of(matches, page, size);
    }

    @PutMapping("/{viewerId}/disabled")
    ViewerAccount setDisabled(@PathVariable String viewerId, @Valid @RequestBody DisabledRequest request) {
        return ViewerAccount.of(profiles.setDisabled(viewerId, request.disabled()));
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
