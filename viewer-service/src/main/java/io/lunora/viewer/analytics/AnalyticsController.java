package io.lunora.viewer.analytics;

import io.lunora.support.security.Caller;
import io.lunora.viewer.catalog.CatalogRules;
import io.lunora.viewer.web.Visitor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/analytics/recommendations|trending|engagement|viewer-stats}. */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {
    private final AnalyticsService analytics;

    AnalyticsController(AnalyticsService analytics) {
        this.analytics = analytics;
    }

    record EngagementEvent(
            @NotNull @Pattern(regexp = CatalogRules.STREAM_ID, message = CatalogRules.STREAM_ID_MESSAGE) String streamId,
            @NotNull @Pattern(regexp = "play|pause|seek|share|quality_change|fullscreen|chat_open",
                    message = "must be one of play, pause, seek, share, quality_change, fullscreen, chat_open") String event) {
    }

    @GetMapping("/recommendations")
    List<Recommendation> recommendations(Caller caller, @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return analytics.recommendations(caller, limit);
    }

    @GetMapping("/trending")
    List<TrendingEntry> trending(Caller caller, @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return analytics.trending(new Visitor(Optional.of(caller)), limit);
    }

    @PostMapping("/engagement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void engagement(Caller caller, @Valid @RequestBody EngagementEvent event) {
        analytics.trackEngagement(caller, event.streamId(), event.event());
    }

    @GetMapping("/viewer-stats")
    ViewerStats viewerStats(Caller caller, @RequestParam(defaultValue = "30") @Min(1) @Max(365) int days) {
        return analytics.viewerStats(caller, days);
    }
}
