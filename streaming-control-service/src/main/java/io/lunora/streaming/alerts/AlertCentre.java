package io.lunora.streaming.alerts;

import io.lunora.model.identity.Group;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The one owner of alerts: raises them from what the service observes, groups repeats of a kind on
 * a source into the unresolved alert (its count and last seen), resolves them when their condition
 * clears, and lets admins and operators acknowledge them. Changes of one organization are
 * serialized, and every change goes to the {@link AlertListener}s.
 */
@Service
public class AlertCentre {
    private static final Logger log = LoggerFactory.getLogger(AlertCentre.class);
    public static final int MAX_PAGE = 100;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final AlertStore store;
    private final List<AlertListener> listeners;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public AlertCentre(AlertStore store, List<AlertListener> listeners, Clock clock) {
        this.store = store;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * One occurrence of {@code kind} on {@code source}: a new alert, or one more of the unresolved one.
     *
     * @param ownerId whose session or destination it concerns; null with {@code organizationWide} for the inputs
     */
    public Alert raise(String organizationId, AlertKind kind, String source, String ownerId, boolean organizationWide,
            String message, Instant at) {
        return withLock(organizationId, () -> {
            Alert alert = store.findUnresolved(organizationId, kind, source)
                    .map(open -> open.occurredAgain(message, at))
                    .orElseGet(() -> Alert.raised(organizationId, newId(at), kind, source, ownerId, organizationWide,
                            message, at));
            return saveAndTell(alert);
        });
    }

    /** The condition of {@code kind} on {@code source} cleared: its unresolved alert, if any, is resolved. */
    public void clear(String organizationId, AlertKind kind, String source) {
        withLock(organizationId, () -> {
            store.findUnresolved(organizationId, kind, source).ifPresent(open -> saveAndTell(open.resolved(clock.instant())));
            return null;
        });
    }

    /** Resolves every unresolved alert of the organization that {@code which} selects. */
    public void clearWhere(String organizationId, java.util.function.Predicate<Alert> which) {
        withLock(organizationId, () -> {
            store.unresolved(organizationId).stream().filter(which)
                    .forEach(open -> saveAndTell(open.resolved(clock.instant())));
            return null;
        });
    }

    public List<Alert> unresolved(String organizationId) {
        return store.unresolved(organizationId);
    }

    /** Acknowledging twice is harmless; a resolved alert is 409. */
    public Alert acknowledge(Caller caller, String alertId) {
        String org = caller.requireOrganization();
        return withLock(org, () -> {
            // another operator's alert is one that does not exist
            Alert alert = store.find(org, alertId).filter(a -> a.visibleTo(caller))
                    .orElseThrow(() -> new NotFoundException("alert", alertId));
            return switch (alert.state()) {
                case ACKNOWLEDGED -> alert;
                case RESOLVED -> throw new ConflictException("The alert is resolved already.");
                case OPEN -> saveAndTell(alert.acknowledged(caller.username(), clock.instant()));
            };
        });
    }

    public AlertStore.Page page(Caller caller, String state, String severity, int limit, String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidFieldException("limit", "limit must be between 1 and " + MAX_PAGE);
        }
        AlertState wantedState = state == null ? null : AlertState.parse(state)
                .orElseThrow(() -> new InvalidFieldException("state", "state must be open, acknowledged or resolved"));
        AlertSeverity wantedSeverity = severity == null ? null : AlertSeverity.parse(severity)
                .orElseThrow(() -> new InvalidFieldException("severity", "severity must be critical, warning, info or cost"));
        try {
            return store.page(caller.requireOrganization(), caller.isIn(Group.ADMINS) ? null : caller.userId(),
                    wantedState, wantedSeverity, limit, cursor);
        } catch (AlertStore.InvalidCursorException unknown) {
            throw new InvalidFieldException("cursor", "cursor is not one of these alerts' pages");
        }
    }

    private Alert saveAndTell(Alert alert) {
        store.save(alert);
        for (AlertListener listener : listeners) {
            try {
                listener.changed(alert);
            } catch (RuntimeException failed) {
                // a listener's failure must not undo or block the alert itself
                log.warn("Alert listener {} failed: {}", listener.getClass().getSimpleName(),
                        failed.getClass().getSimpleName());
            }
        }
        return alert;
    }

    private <T> T withLock(String org, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(org, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private static String newId(Instant at) {
        return "al-" + ID_TIME.format(at) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
