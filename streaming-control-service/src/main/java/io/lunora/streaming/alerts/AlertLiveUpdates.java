package io.lunora.streaming.alerts;

import io.lunora.streaming.live.LiveStatusHub;
import org.springframework.stereotype.Component;

/**
 * Every alert change to the organization's open browsers whose user may see it, as an {@code alert}
 * event of /api/streaming/events.
 */
@Component
class AlertLiveUpdates implements AlertListener {
    private final LiveStatusHub hub;

    AlertLiveUpdates(LiveStatusHub hub) {
        this.hub = hub;
    }

    @Override
    public void changed(Alert alert) {
        hub.publishToOrganization(alert.organizationId(), "alert", AlertView.of(alert), alert::visibleTo);
    }
}
