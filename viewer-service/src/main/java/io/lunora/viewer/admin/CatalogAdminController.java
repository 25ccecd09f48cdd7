package io.lunora.viewer.admin;

import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import io.lunora.viewer.catalog.CatalogEditor;
import io.lunora.viewer.catalog.CatalogEntry;
import io.lunora.viewer.catalog.CatalogRules;
import io.lunora.viewer.catalog.CatalogService;
import io.lunora.viewer.catalog.CategorySummary;
import io.lunora.viewer.web.ViewerSideAdmins;
import io.lunora.viewer.web.Visitor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalog editing, featuring and categories ({@code /api/viewer-admin/catalog|categories}): consumer
 * and platform admins on every entry, an organization's admins on their organization's entries
 * (another organization's answers 404). Renaming a category moves every organization's entries:
 * the platform's (see {@code ViewerRoutes}).
 */
@RestController
@RequestMapping("/api/viewer-admin")
class CatalogAdminController {
    private final CatalogEditor editor;
    private final CatalogService catalog;
    private final Clock clock;

    CatalogAdminController(CatalogEditor editor, CatalogService catalog, Clock clock) {
        this.editor = editor;
        this.catalog = catalog;
        this.clock = clock;
    }

    record FeaturedRequest(@NotNull Boolean featured) {
    }

    record RenameCategory(
            @NotNull @Pattern(regexp = CatalogRules.CATEGORY, message = CatalogRules.CATEGORY_MESSAGE) String from,
            @NotNull @Pattern(regexp = CatalogRules.CATEGORY, message = CatalogRules.CATEGORY_MESSAGE) String to) {
    }

    record RenameResult(String from, String to, int entriesMoved) {
    }

    /**
     * Every entry the caller administers (an organization's admin: their organization's; consumer and
     * platform admins: all), including drafts and entries removed by moderation; newest first.
     */
    @GetMapping("/catalog")
    List<CatalogEntry> entries(Caller caller) {
        return editor.all().stream().filter(e -> administers(caller, e)).toList();
    }

    @PostMapping("/catalog")
    @ResponseStatus(HttpStatus.CREATED)
    CatalogEntry create(Caller caller, @Valid @RequestBody CatalogRequest request) {
        String streamId = request.streamId() != null ? request.streamId() : UUID.randomUUID().toString();
        checkSchedule(request.scheduledStart());
        String now = Instant.now(clock).toString();
        return editor.create(entry(streamId, request,
                request.creatorId() != null ? request.creatorId() : caller.userId(),
                ViewerSideAdmins.seesEveryOrganization(caller) ? null : caller.requireOrganization(), now, now));
    }

    @PutMapping("/catalog/{streamId}")
    CatalogEntry update(Caller caller, @PathVariable String streamId, @Valid @RequestBody CatalogRequest request) {
        CatalogEntry current = administered(caller, streamId);
        if (request.version() == null) {
            throw new InvalidFieldException("version", "is required: send the version you read");
        }
        checkSchedule(request.scheduledStart());
        String creator = request.creatorId() != null ? request.creatorId() : current.creatorId();
        return editor.update(entry(streamId, request, creator, current.organizationId(), current.createdAt(),
                Instant.now(clock).toString()), request.version());
    }

    @PutMapping("/catalog/{streamId}/featured")
    CatalogEntry feature(Caller caller, @PathVariable String streamId, @Valid @RequestBody FeaturedRequest request) {
        administered(caller, streamId);
        return editor.setFeatured(streamId, request.featured());
    }

    /** Restores an entry that moderation removed. */
    @PutMapping("/catalog/{streamId}/restore")
    CatalogEntry restore(Caller caller, @PathVariable String streamId) {
        administered(caller, streamId);
        return editor.restore(streamId);
    }

    @DeleteMapping("/catalog/{streamId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String streamId) {
        administered(caller, streamId);
        editor.delete(streamId);
    }

    @GetMapping("/categories")
    List<CategorySummary> categories() {
        return catalog.categories(Visitor.ANONYMOUS);
    }

    @PostMapping("/categories/rename")
    RenameResult rename(@Valid @RequestBody RenameCategory request) {
        return new RenameResult(request.from(), request.to(), editor.renameCategory(request.from(), request.to()));
    }

    /** The entry if the caller administers it; another organization's is not found, as one that does not exist. */
    private CatalogEntry administered(Caller caller, String streamId) {
        CatalogEntry entry = editor.existing(streamId);
        if (!administers(caller, entry)) {
            throw new NotFoundException("stream", streamId);
        }
        return entry;
    }

    private static boolean administers(Caller caller, CatalogEntry entry) {
        return ViewerSideAdmins.seesEveryOrganization(caller)
                || entry.organizationId() != null && entry.organizationId().equals(caller.organizationId());
    }

    private static void checkSchedule(String scheduledStart) {
        if (scheduledStart == null) {
            return;
        }
        try {
            Instant.parse(scheduledStart);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("scheduled_start", "must be an ISO-8601 UTC instant");
        }
    }

    private static CatalogEntry entry(String streamId, CatalogRequest r, String creatorId, String organizationId,
            String createdAt, String updatedAt) {
        return new CatalogEntry(streamId, r.title().strip(), r.description(), creatorId, organizationId, r.category(),
                r.tags() == null ? List.of() : List.copyOf(r.tags()), r.thumbnailUrl(), null, r.accessLevel(), 0, 0,
                createdAt, updatedAt, false, r.scheduledStart(), null, null, null, Boolean.TRUE.equals(r.featured()),
                Boolean.TRUE.equals(r.mature()), false, 0);
    }
}
