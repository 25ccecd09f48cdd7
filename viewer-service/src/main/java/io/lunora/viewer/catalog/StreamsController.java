package io.lunora.viewer.catalog;

import io.lunora.model.viewer.AccessLevel;
import io.lunora.viewer.web.Page;
import io.lunora.viewer.web.Visitor;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Content discovery, open to everyone: {@code /api/streams/live|featured|categories|search|{id}}. */
@RestController
@RequestMapping("/api/streams")
class StreamsController {
    private final CatalogService catalog;

    StreamsController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/live")
    Page<StreamView> live(Visitor visitor, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return catalog.live(visitor, page, size);
    }

    @GetMapping("/featured")
    Page<StreamView> featured(Visitor visitor, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return catalog.featured(visitor, page, size);
    }

    @GetMapping("/categories")
    List<CategorySummary> categories(Visitor visitor) {
        return catalog.categories(visitor);
    }

    @GetMapping("/search")
    Page<StreamView> search(Visitor visitor,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Pattern(regexp = CatalogRules.CATEGORY, message = CatalogRules.CATEGORY_MESSAGE) String category,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9 ,-]{0,200}", message = "must be a comma separated list of tags") String tags,
            @RequestParam(name = "access_level", required = false) @Pattern(regexp = "public|premium|vip",
                    message = "must be one of public, premium, vip") String accessLevel,
            @RequestParam(name = "live_only", defaultValue = "false") boolean liveOnly,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<String> tagList = tags == null ? List.of()
                : Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        SearchQuery query = new SearchQuery(Optional.ofNullable(q).map(String::trim).filter(t -> !t.isEmpty()),
                Optional.ofNullable(category), tagList, Optional.ofNullable(accessLevel).flatMap(AccessLevel::fromWireValue),
                liveOnly);
        return catalog.search(visitor, query, page, size);
    }

    @GetMapping("/{streamId}")
    StreamView details(Visitor visitor, @PathVariable String streamId) {
        return catalog.details(visitor, streamId);
    }
}
