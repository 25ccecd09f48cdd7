package io.lunora.viewer.admin;

import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.security.Caller;
import io.lunora.viewer.catalog.CatalogEditor;
import io.lunora.viewer.moderation.ModerationService;
import io.lunora.viewer.moderation.Report;
import io.lunora.viewer.profile.ViewerAccounts;
import io.lunora.viewer.social.SocialService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderation queue and its resolve actions: {@code dismiss}; {@code remove_content} (the
 * reported message, or the whole entry when the report is about the stream); {@code ban_viewer}
 * (disables the author of the reported message).
 */
@RestController
@RequestMapping("/api/viewer-admin/moderation")
class ModerationAdminController {
    private final ModerationService moderation;
    private final SocialService social;
    private final CatalogEditor catalog;
    private final ViewerAccounts profiles;

    ModerationAdminController(ModerationService moderation, SocialService social, CatalogEditor catalog,
            ViewerAccounts profiles) {
        this.moderation = moderation;
        this.social = social;
        this.catalog = catalog;
        this.profiles = profiles;
    }

    record Resolve(
            @NotNull @Pattern(regexp = "dismiss|remove_content|ban_viewer",
                    message = "must be one of dismiss, remove_content, ban_viewer") String action,
            @Size(max = 1000) String note) {
    }

    @GetMapping
    List<Report> queue(@RequestParam(defaultValue = "pending") @Pattern(regexp = "pending|resolved|all",
            message = "must be one of pending, resolved, all") String status) {
        return moderation.queue("all".equals(status) ? null : status);
    }

    @PostMapping("/{reportId}/resolve")
    Report resolve(Caller moderator, @PathVariable String reportId, @Valid @RequestBody Resolve request) {
        Report report = moderation.pending(reportId);
        String resolution = switch (request.action()) {
            case "remove_content" -> {
                if (report.messageId() != null) {
                    social.removeMessage(report.messageId());
                } else {
                    catalog.remove(report.streamId());
                }
                yield "content_removed";
            }
            case "ban_viewer" -> {
                if (report.reportedViewerId() == null) {
                    throw new InvalidFieldException("action", "this report is about a stream, not a viewer's message");
                }
                profiles.ban(report.reportedViewerId());
                yield "viewer_banned";
            }
            default -> "dismissed";
        };
        return moderation.markResolved(reportId, moderator.userId(), resolution, request.note());
    }
}
