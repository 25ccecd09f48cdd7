package io.lunora.viewer.admin;

import io.lunora.viewer.analytics.PlatformTotals;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/viewer-admin/analytics}: the platform overview of the viewer-admin screen. */
@RestController
class PlatformAnalyticsController {
    private final PlatformOverview overview;

    PlatformAnalyticsController(PlatformOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/api/viewer-admin/analytics")
    PlatformTotals totals() {
        return overview.totals();
    }
}
