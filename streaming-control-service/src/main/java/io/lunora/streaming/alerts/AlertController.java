package io.lunora.streaming.alerts;

import io.lunora.support.security.Caller;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/alerts}: the organization's alerts, newest first, and acknowledging one. */
@RestController
@RequestMapping("/api/alerts")
class AlertController {
    private final AlertCentre centre;

    AlertController(AlertCentre centre) {
        this.centre = centre;
    }

    /** @param nextCursor the next page's {@code cursor}; null on the last page */
    record AlertPage(List<AlertView> alerts, String nextCursor) {
    }

    @GetMapping
    AlertPage list(Caller caller, @RequestParam(required = false) String state,
            @RequestParam(required = false) String severity, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor) {
        AlertStore.Page page = centre.page(caller, state, severity, limit, cursor);
        return new AlertPage(page.alerts().stream().map(AlertView::of).toList(), page.nextCursor());
    }

    @PostMapping("/{id}/acknowledge")
    AlertView acknowledge(Caller caller, @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String id) {
        return AlertView.of(centre.acknowledge(caller, id));
    }
}
