package io.lunora.streaming.inputs;

import io.lunora.model.media.ChannelRequest;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.resolve.SourceSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every configured organization's inputs running on the media plane, before and between
 * sessions (issue 12, "inputs always on"): encoders can connect, and the operator sees their
 * health and a preview, before going live. Each round reads the source configurations and puts an
 * organization's inputs on the media plane when they changed, when the last put failed, or when
 * the last put is older than {@code lunora.streaming.inputs.rewarm-interval}: that slow re-warm
 * (the backend's call is idempotent) catches a restarted engine and a port that another
 * organization's session took and has freed, without a call every round for nothing.
 */
@Component
@ConditionalOnProperty(name = "lunora.streaming.inputs.warm", havingValue = "true", matchIfMissing = true)
class InputWarmer {
    private static final Logger log = LoggerFactory.getLogger(InputWarmer.class);

    private final SourceSettings sources;
    private final MediaBackend media;
    private final long rewarmNanos;
    private final LongSupplier nanoTime;
    /** What each organization's inputs were last put with, and when. */
    private final Map<String, Warmed> warmed = new ConcurrentHashMap<>();
    /** The last failure per organization, so that one lasting problem is logged once, not every round. */
    private final Map<String, String> failures = new ConcurrentHashMap<>();

    private record Warmed(ChannelRequest.Inputs inputs, long atNanos) {
    }

    @Autowired
    InputWarmer(SourceSettings sources, MediaBackend media,
            @Value("${lunora.streaming.inputs.rewarm-interval:30s}") Duration rewarm) {
        this(sources, media, rewarm, System::nanoTime);
    }

    InputWarmer(SourceSettings sources, MediaBackend media, Duration rewarm, LongSupplier nanoTime) {
        this.sources = sources;
        this.media = media;
        this.rewarmNanos = rewarm.toNanos();
        this.nanoTime = nanoTime;
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
            ChannelRequest.Inputs inputs = sources.current(organizationId);
            Warmed last = warmed.get(organizationId);
            long now = nanoTime.getAsLong();
            if (last != null && last.inputs().equals(inputs) && now - last.atNanos() < rewarmNanos) {
                return;
            }
            media.warmInputs(organizationId, inputs);
            warmed.put(organizationId, new Warmed(inputs, now));
            if (failures.remove(organizationId) != null) {
                log.info("Inputs of {} warm again", organizationId);
            }
        } catch (RuntimeException e) {
            warmed.remove(organizationId);
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
