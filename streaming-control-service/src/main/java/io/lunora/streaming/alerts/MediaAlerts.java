package io.lunora.streaming.alerts;

import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.sessions.SessionEnded;
import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns what the service already observes into alerts: the media events (an input lost, a failover,
 * a destination disconnected or back), the end of a session, and, every 10 s, the media backend's
 * status of the organizations with a session or an unresolved alert (an input healthy again, an
 * encoder behind real time or caught up; a notice quiet long enough). A repeated report of the same
 * state is no new occurrence: only a change into a bad state counts.
 *
 * <p>A condition that clears (an input back on air, a destination live again) resolves its alert
 * only once it has stayed clear for {@code lunora.alerts.clear-after}: a flapping input comes back
 * within that time, so its losses count into one open alert instead of opening one each.
 */
@Component
public class MediaAlerts {
    private static final Logger log = LoggerFactory.getLogger(MediaAlerts.class);
    private static final Set<String> INPUTS = Set.of("primary", "secondary");
    private static final Set<String> DISCONNECTED = Set.of("retrying", "failed");
    /** Below this speed an encoder is behind real time; at or above {@link #CAUGHT_UP} it has caught up. */
    static final double BEHIND = 0.9;
    static final double CAUGHT_UP = 0.97;
    /** An input that has delivered within this long is healthy again. */
    private static final long HEALTHY_PACKET_AGE_MS = 2_000;

    private final AlertCentre centre;
    private final MediaBackend media;
    private final SessionStore sessions;
    private final AlertProperties properties;
    private final Clock clock;
    /** Per organization and destination (or encoder): whether the last report was a bad state. */
    private final Map<String, Boolean> bad = new ConcurrentHashMap<>();
    /** Organizations with alerts raised by this process, checked by {@link #checkConditions}. */
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    /** Conditions clear since when, resolved once clear for long enough. */
    private final Map<Condition, Instant> clearSince = new ConcurrentHashMap<>();

    private record Condition(String organizationId, AlertKind kind, String source) {
    }

    public MediaAlerts(AlertCentre centre, MediaBackend media, SessionStore sessions, AlertProperties properties,
            Clock clock) {
        this.centre = centre;
        this.media = media;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Never throws: an alert that cannot be stored must not disturb the session's own handling. */
    public void onMediaEvent(MediaEvent event) {
        try {
            switch (event) {
                case MediaEvent.InputSwitched s -> onSwitch(s);
                case MediaEvent.OutputStateChanged o -> onOutput(o);
            }
        } catch (RuntimeException failed) {
            log.warn("No alert from a media event of {}: {}", event.organizationId(), failed.getClass().getSimpleName());
        }
    }

    private void onSwitch(MediaEvent.InputSwitched s) {
        String org = s.organizationId();
        boolean lost = "signal_lost".equals(s.reason()) || "input_loss".equals(s.reason());
        if (lost && INPUTS.contains(s.from())) {
            raiseForEveryone(org, AlertKind.SOURCE_LOST, s.from(),
                    "Input " + s.from() + " stopped delivering; the program went to " + s.to(), s.time());
        }
        if (INPUTS.contains(s.to())) {
            clearing(org, AlertKind.SOURCE_LOST, s.to());
            if ("input_loss".equals(s.reason())) {
                raiseForEveryone(org, AlertKind.FAILOVER_SUCCEEDED, s.to(),
                        "Failover from " + s.from() + " to " + s.to() + " succeeded", s.time());
            }
        }
    }

    private void onOutput(MediaEvent.OutputStateChanged o) {
        String org = o.organizationId();
        String key = org + "|destination|" + o.destinationId();
        boolean nowBad = DISCONNECTED.contains(o.state());
        boolean wasBad = Boolean.TRUE.equals(bad.put(key, nowBad));
        if (nowBad && !wasBad) {
            raise(org, AlertKind.DESTINATION_DISCONNECTED, o.destinationId(), sessionOwner(org), "Destination "
                    + o.destinationId() + " disconnected" + (o.lastError() == null ? "" : ": " + o.lastError()), o.time());
        } else if ("live".equals(o.state())) {
            bad.remove(key);
            clearing(org, AlertKind.DESTINATION_DISCONNECTED, o.destinationId());
        } else if ("stopped".equals(o.state())) {
            // stopped on purpose: there is nothing left to wait for
            bad.remove(key);
            clearSince.remove(new Condition(org, AlertKind.DESTINATION_DISCONNECTED, o.destinationId()));
            centre.clear(org, AlertKind.DESTINATION_DISCONNECTED, o.destinationId());
        }
    }

    /** A session that ends: a notice, and its destinations' and encoders' conditions are over. */
    @EventListener
    public void onSessionEnded(SessionEnded ended) {
        try {
            sessionEnded(ended.session());
        } catch (RuntimeException failed) {
            // the stop itself succeeded; its notice is lost, not the stop
            log.warn("No alert of the end of session {}: {}", ended.session().sessionId(),
                    failed.getClass().getSimpleName());
        }
    }

    private void sessionEnded(StreamSession s) {
        String org = s.organizationId();
        Instant end = s.endTime() != null ? s.endTime() : clock.instant();
        long minutes = Duration.between(s.startTime(), end).toMinutes();
        raise(org, AlertKind.SESSION_COMPLETED, s.sessionId(), s.startedById(), "Session " + s.sessionId() + " by " + s.startedBy()
                + " ended after " + minutes + " min", end);
        bad.keySet().removeIf(k -> k.startsWith(org + "|"));
        clearSince.keySet().removeIf(c -> c.organizationId().equals(org) && c.kind() != AlertKind.SOURCE_LOST);
        centre.clearWhere(org, a -> a.kind() == AlertKind.DESTINATION_DISCONNECTED
                || a.kind() == AlertKind.ENCODER_BEHIND_REAL_TIME);
    }

    @Scheduled(fixedDelayString = "${lunora.alerts.check-interval:10s}", initialDelayString = "${lunora.alerts.check-interval:10s}")
    public void checkConditions() {
        resolveSettled();
        sessions.findAllOpen().forEach(s -> watched.add(s.organizationId()));
        for (String org : watched) {
            try {
                check(org);
            } catch (RuntimeException unavailable) {
                log.debug("Alert conditions of {} not checked: {}", org, unavailable.getClass().getSimpleName());
            }
        }
    }

    private void check(String org) {
        var unresolved = centre.unresolved(org);
        Instant now = clock.instant();
        centre.clearWhere(org, a -> !a.kind().hasCondition() && a.lastSeen().plus(properties.noticeQuietPeriod()).isBefore(now));
        boolean sourceLost = unresolved.stream().anyMatch(a -> a.kind() == AlertKind.SOURCE_LOST);
        boolean session = sessions.findOpen(org).isPresent();
        if (!sourceLost && !session) {
            if (unresolved.isEmpty()) {
                watched.remove(org);
            }
            return;
        }
        ChannelStatus status = media.status(org);
        for (ChannelStatus.InputHealth input : status.inputs()) {
            if (input.connected() && input.lastPacketAgeMs() >= 0 && input.lastPacketAgeMs() < HEALTHY_PACKET_AGE_MS
                    && unresolved.stream().anyMatch(a -> a.kind() == AlertKind.SOURCE_LOST
                            && a.source().equals(input.input()))) {
                clearing(org, AlertKind.SOURCE_LOST, input.input());
            }
        }
        for (ChannelStatus.EncoderStatus encoder : status.encoders()) {
            String key = org + "|encoder|" + encoder.name();
            boolean behind = encoder.speed() > 0 && encoder.speed() < BEHIND;
            if (behind && !Boolean.TRUE.equals(bad.put(key, true))) {
                raise(org, AlertKind.ENCODER_BEHIND_REAL_TIME, encoder.name(), sessionOwner(org), String.format(
                        "Encoder %s runs at %.2fx real time", encoder.name(), encoder.speed()), now);
            } else if (encoder.speed() >= CAUGHT_UP && Boolean.TRUE.equals(bad.remove(key))) {
                clearing(org, AlertKind.ENCODER_BEHIND_REAL_TIME, encoder.name());
            }
        }
    }

    /** An alert of the organization's inputs, which every operator sees. */
    private void raiseForEveryone(String org, AlertKind kind, String source, String message, Instant at) {
        raise(org, kind, source, null, true, message, at);
    }

    /** An alert of one user's session or destination. */
    private void raise(String org, AlertKind kind, String source, String ownerId, String message, Instant at) {
        raise(org, kind, source, ownerId, false, message, at);
    }

    private void raise(String org, AlertKind kind, String source, String ownerId, boolean everyone, String message,
            Instant at) {
        watched.add(org);
        clearSince.remove(new Condition(org, kind, source));
        centre.raise(org, kind, source, ownerId, everyone, message, at);
    }

    /** Who started the open session (its destinations and encoders are theirs); null: the admins'. */
    private String sessionOwner(String org) {
        return sessions.findOpen(org).map(StreamSession::startedById).orElse(null);
    }

    /** The condition is clear from now, unless it was already. */
    private void clearing(String org, AlertKind kind, String source) {
        clearSince.putIfAbsent(new Condition(org, kind, source), clock.instant());
    }

    /** Resolves the alerts whose condition has stayed clear for long enough. */
    private void resolveSettled() {
        Instant settled = clock.instant().minus(properties.clearAfter());
        clearSince.forEach((condition, since) -> {
            if (!since.isAfter(settled) && clearSince.remove(condition, since)) {
                centre.clear(condition.organizationId(), condition.kind(), condition.source());
            }
        });
    }
}
