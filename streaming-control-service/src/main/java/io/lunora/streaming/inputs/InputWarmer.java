package io.lunora.streaming.inputs;

import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.resolve.SourceSettings;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every configured organization's inputs running on the media plane, before and between
 * sessions (issue 12, "inputs always on"): encoders can connect, and the operator sees their
 * health and a preview, before going live. It reconciles on a fixed delay rather than on change
 * events, so a restarted engine, a changed configuration and a port freed by another
 * organization's session are all caught by the same loop; the backend's call is idempotent.
 */
@Component
@ConditionalOnProperty(name = "lunora.streaming.inputs.warm", havingValue = "true", matchIfMissing = true)
class InputWarmer {
    private static final Logger log = LoggerFactory.getLogger(InputWarmer.class);

    private final SourceSettings sources;
    private final MediaBackend media;
    /** The last failure per organization, so that one lasting problem is logged once, not every round. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    InputWarmer(SourceSettings sources, MediaBackend media) {
        this.sources = sources;
        this.media = media;
    }

    @Scheduled(initialDelayString = "${lunora.streaming.inputs.warm-interval:5s}",
            fixedDelayString = "${lunora.streaming.inputs.warm-interval:5s}")
    void warmAll() {
        try {
            sources.configuredOrganizations().forEach(this::warm);
        } catch (RuntimeException e) {
            report("*", "the organizations' source configurations could not be read", e);
        }
    }

    void warm(String organizationId) {
        try {
            media.warmInputs(organizationId, sources.current(organizationId));
            if (failures.remove(organizationId) != null) {
                log.info("Inputs of {} warm again", organizationId);
            }
        } catch (RuntimeException e) {
            report(organizationId, "its inputs could not be kept warm", e);
        }
    }

    private void report(String organizationId, String what, RuntimeException e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!Objects.equals(failures.put(organizationId, reason), reason)) {
            log.warn("Organization {}: {} ({}); retried every round", organizationId, what, reason);
        }
    }
}
