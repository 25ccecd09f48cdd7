package io.lunora.streaming.control;

import io.lunora.model.destination.DestinationTarget;
import io.lunora.model.identity.Group;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.streaming.catalog.CatalogPublisher;
import io.lunora.streaming.live.LiveStatusHub;
import io.lunora.model.media.ChannelRequest;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.streaming.resolve.DestinationDirectory;
import io.lunora.streaming.resolve.PresetCatalog;
import io.lunora.streaming.resolve.SourceSettings;
import io.lunora.streaming.sessions.ConcurrentChangeException;
import io.lunora.streaming.sessions.OutputState;
import io.lunora.streaming.sessions.SessionEnded;
import io.lunora.streaming.sessions.SessionStatus;
import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.streaming.sessions.SwitchCounts;
import io.lunora.streaming.sessions.SwitchEventStore;
import io.lunora.support.clients.DownstreamFailures;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Starts and stops sessions and single destinations, and keeps each session's record in step
 * with what the media backend reports. One organization has at most one open session. Changes
 * to a session are serialized per organization, and every change is published live.
 *
 * <p>The backend is the source of truth for what runs now; the store keeps what must outlive a
 * restart, written only when it changes: the session, its outputs' wanted and reported states, its
 * switches, and the counters an output had when it stopped. Live figures (bytes, bitrate) of an
 * open session are read from the backend when asked for, never mirrored into the store on a timer.
 *
 * <p>A session belongs to who started it: an operator sees and controls only their own sessions
 * and starts only with destinations they own; an admin sees and controls every session of the
 * organization ({@link Caller#mayAccess}). Another operator's session is, to an operator, one that
 * does not exist, except that it keeps them from opening a second one.
 */
@Service
public class StreamingControlService {
    private static final Logger log = LoggerFactory.getLogger(StreamingControlService.class);
    /** The most switch events one page answers. */
    public static final int MAX_EVENTS_PAGE = 100;
    /** A history range covers a year at most (366 days: a leap year's). */
    public static final int MAX_RANGE_DAYS = 366;
    /** Sessions answered for one range at most; ten a day for a year fit. */
    public static final int MAX_RANGE_SESSIONS = 5_000;

    private final SessionStore store;
    private final SwitchEventStore switches;
    private final MediaBackend media;
    private final DestinationDirectory destinations;
    private final PresetCatalog presets;
    private final SourceSettings sources;
    private final LiveStatusHub hub;
    private final CatalogPublisher catalog;
    private final StreamingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final OutputReports reports = new OutputReports();
    /** The backend's latest live figures per organization, so that a change published live keeps them. */
    private final Map<String, ChannelStatus> liveFigures = new ConcurrentHashMap<>();
    /** Organizations whose failed session start could not be undone on the media plane yet: retried. */
    private final Set<String> undoneStarts = ConcurrentHashMap.newKeySet();

    public StreamingControlService(SessionStore store, SwitchEventStore switches, MediaBackend media,
            DestinationDirectory destinations, PresetCatalog presets, SourceSettings sources, LiveStatusHub hub,
            CatalogPublisher catalog, StreamingProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.switches = switches;
        this.media = media;
        this.destinations = destinations;
        this.presets = presets;
        this.sources = sources;
        this.hub = hub;
        this.catalog = catalog;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Result of a start: the session, and whether this call created it (false: it was already open). */
    public record Started(StreamSession session, boolean created) {
    }

    public Started start(Caller caller, StartSessionCommand command) {
        String org = caller.requireOrganization();
        return withLock(org, () -> {
            Optional<StreamSession> open = store.findOpen(org);
            if (open.isPresent()) {
                if (!mayAccess(caller, open.get())) {
                    throw new ConflictException("Another user's session is live in your organization. "
                            + "Yours can start when it has stopped.");
                }
                return new Started(open.get(), false);
            }
            reports.forget(org);
            Map<DestinationTarget, EncodingPreset> chosen = resolve(caller, command.destinationIds());
            ChannelRequest.Inputs inputs = sources.current(org);
            Instant now = clock.instant();
            List<StreamSession.Destination> sessionDestinations = chosen.keySet().stream()
                    .map(t -> new StreamSession.Destination(t.destinationId(), t.name(), t.platform(), t.presetId(),
                            OutputState.CONNECTING, true, now, null, 0, 0, null))
                    .toList();
            StreamSession session = store.open(new StreamSession(org, newSessionId(now), caller.username(),
                    caller.userId(), now, null, SessionStatus.STARTING,
                    new StreamSession.SourceSnapshot(inputs.mode(), inputs.failoverThreshold(), inputs.primary().name(),
                            inputs.secondary() == null ? null : inputs.secondary().name(), "primary"),
                    sessionDestinations, SwitchCounts.NONE, List.of(), List.of(), Boolean.TRUE.equals(command.recording()),
                    caller.isIn(Group.ADMINS) ? null : now.plus(properties.operatorMaxDuration()),
                    command.streamId(), null));
            try {
                media.startChannel(new ChannelRequest(org, session.sessionId(), inputs, session.recording()));
                chosen.forEach((target, preset) -> media.startOutput(org,
                        OutputSpec.of(target, preset)));
            } catch (RuntimeException failure) {
                log.error("Media backend refused session {}: {}", session.sessionId(), failure.getClass().getSimpleName());
                undoStart(org);
                StreamSession failed = store.save(session.withError(new StreamSession.SessionError(clock.instant(), null,
                        "media backend failed to start the channel")).withStatus(SessionStatus.ERROR, clock.instant()));
                store.close(failed);
                hub.publish(failed);
                if (failure instanceof HttpClientErrorException refused) {
                    // the engine refused what it was given (e.g. a destination's host, target.url): said as it is
                    throw DownstreamFailures.toCallerError(refused);
                }
                throw new MediaUnavailableException();
            }
            StreamSession active = store.save(session.withStatus(SessionStatus.ACTIVE, clock.instant()));
            hub.publish(active);
            catalog.live(active, streamIdOf(active), command.catalog());
            return new Started(active, true);
        });
    }

    /**
     * Stops the caller's open session; without one it answers the caller's latest session (stopping
     * twice is harmless). Another operator's open session is left running.
     */
    public Optional<StreamSession> stop(Caller caller, String reason) {
        String org = caller.requireOrganization();
        return withLock(org, () -> current(caller).map(open -> stopOpen(open, reason))
                .or(() -> history(caller).stream().findFirst()));
    }

    private StreamSession stopOpen(StreamSession open, String reason) {
        // the last counters before the outputs go: the history keeps what each destination was sent
        open = withCountersOf(open);
        media.stopChannel(open.organizationId());
        Instant now = clock.instant();
        StreamSession stopped = open;
        for (StreamSession.Destination d : open.destinations()) {
            stopped = stopped.withDestination(d.withStopped(now));
        }
        if (reason != null) {
            stopped = stopped.withError(new StreamSession.SessionError(now, null, reason));
        }
        stopped = store.save(stopped.withStatus(SessionStatus.STOPPED, now));
        store.close(stopped);
        reports.forget(stopped.organizationId());
        liveFigures.remove(stopped.organizationId());
        hub.publish(stopped);
        catalog.ended(stopped, streamIdOf(stopped));
        events.publishEvent(new SessionEnded(stopped));
        return stopped;
    }

    public StreamSession startDestination(Caller caller, String destinationId) {
        String org = caller.requireOrganization();
        return withLock(org, () -> {
            StreamSession open = requireOpen(caller);
            Optional<StreamSession.Destination> current = open.destination(destinationId);
            if (current.isPresent() && current.get().wanted()) {
                return open;
            }
            DestinationTarget target = destinations.target(org, destinationId)
                    .filter(t -> caller.mayAccess(t.ownerId()))
                    .orElseThrow(() -> new NotFoundException("destination", destinationId));
            EncodingPreset preset = presetOf(org, target, "destination_id");
            media.startOutput(org, OutputSpec.of(target, preset));
            reports.forget(org);
            Instant now = clock.instant();
            StreamSession.Destination started = current
                    .map(d -> d.withStarted(now))
                    .orElse(new StreamSession.Destination(target.destinationId(), target.name(), target.platform(),
                            target.presetId(), OutputState.CONNECTING, true, now, null, 0, 0, null));
            return saveAndPublish(open.withDestination(started));
        });
    }

    public StreamSession stopDestination(Caller caller, String destinationId) {
        String org = caller.requireOrganization();
        return withLock(org, () -> {
            StreamSession open = requireOpen(caller);
            StreamSession.Destination current = open.destination(destinationId)
                    .orElseThrow(() -> new NotFoundException("destination in the live session", destinationId));
            if (!current.wanted()) {
                return open;
            }
            // what the output was sent is kept: its counters as they were when it stopped
            StreamSession.Destination counted = withCountersOf(open).destination(destinationId).orElse(current);
            media.stopOutput(org, destinationId);
            reports.forget(org);
            return saveAndPublish(open.withDestination(counted.withStopped(clock.instant())));
        });
    }

    /**
     * "Pause all" on the caller's open session (an admin's: the organization's): the slate for every
     * destination, each keeping its connection; or back to the selected input. The switch is
     * recorded from the backend's event like any other.
     */
    public StreamSession pause(Caller caller, boolean pause) {
        String org = caller.requireOrganization();
        return withLock(org, () -> {
            StreamSession open = current(caller).orElseThrow(() -> new ConflictException(
                    "No session of yours is live: there is nothing to " + (pause ? "pause." : "resume.")));
            media.pause(org, pause);
            return open;
        });
    }

    /** The open session if the caller may see it, as stored, without live figures (see {@link #withLiveFigures}). */
    public Optional<StreamSession> current(Caller caller) {
        return store.findOpen(caller.requireOrganization()).filter(s -> mayAccess(caller, s));
    }

    /**
     * The sessions the caller may see among the organization's latest ones, newest first; an open
     * one with the backend's live figures.
     */
    public List<StreamSession> history(Caller caller) {
        return store.history(caller.requireOrganization(), properties.historyLimit()).stream()
                .filter(s -> mayAccess(caller, s))
                .map(s -> s.status().isOpen() ? withCountersOf(s) : s).toList();
    }

    /**
     * The sessions the caller may see among those started on the days from {@code from} to
     * {@code to} (UTC, both included), newest first: a year at most, and at most
     * {@link #MAX_RANGE_SESSIONS} sessions (a narrower range shows the rest).
     */
    public List<StreamSession> history(Caller caller, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidFieldException("from", "from must not be after to");
        }
        if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw new InvalidFieldException("to", "a range covers " + MAX_RANGE_DAYS + " days at most");
        }
        return store.startedBetween(caller.requireOrganization(), from, to, MAX_RANGE_SESSIONS).stream()
                .filter(s -> mayAccess(caller, s))
                .map(s -> s.status().isOpen() ? withCountersOf(s) : s).toList();
    }

    public StreamSession session(Caller caller, String sessionId) {
        StreamSession session = visible(caller, sessionId);
        return session.status().isOpen() ? withCountersOf(session) : session;
    }

    /** One page of a session's input switches, oldest first; 404 for a session the caller may not see. */
    public SwitchEventStore.Page switchEvents(Caller caller, String sessionId, int limit, String cursor) {
        if (limit < 1 || limit > MAX_EVENTS_PAGE) {
            throw new InvalidFieldException("limit", "limit must be between 1 and " + MAX_EVENTS_PAGE);
        }
        String org = caller.requireOrganization();
        visible(caller, sessionId);
        try {
            return switches.page(org, sessionId, limit, cursor);
        } catch (SwitchEventStore.InvalidCursorException unknown) {
            throw new InvalidFieldException("cursor", "cursor is not one of this session's pages");
        }
    }

    /**
     * Applies what the media backend reports to the organization's open session; the store is
     * written only when the session changes, and a report repeated unchanged is not even read.
     */
    public void onMediaEvent(MediaEvent event) {
        String org = event.organizationId();
        withLock(org, () -> {
            if (event instanceof MediaEvent.OutputStateChanged output && reports.isRepeat(output)) {
                return null;
            }
            store.findOpen(org).ifPresent(open -> {
                StreamSession changed = switch (event) {
                    case MediaEvent.InputSwitched s -> recordSwitch(open, s);
                    case MediaEvent.OutputStateChanged o -> applyOutput(open, o);
                };
                if (!changed.equals(open)) {
                    saveAndPublish(changed);
                }
                if (event instanceof MediaEvent.OutputStateChanged output) {
                    reports.applied(output);
                }
            });
            return null;
        });
    }

    /**
     * Sends the backend's live figures of every open session someone watches to its browsers.
     * Nothing is stored: the backend is where live figures are.
     */
    public void publishLiveFigures() {
        for (StreamSession watched : hub.watchedOpenSessions()) {
            ChannelStatus status = statusOf(watched);
            if (status != null) {
                liveFigures.put(watched.organizationId(), status);
                hub.publish(withLiveFigures(watched, status));
            }
        }
    }

    /** The session with each pushed destination's bytes and bitrate as the backend reports them now. */
    public StreamSession withLiveFigures(StreamSession session, ChannelStatus status) {
        StreamSession counted = session;
        for (ChannelStatus.OutputStatus output : status.outputs()) {
            Optional<StreamSession.Destination> destination = counted.destination(output.destinationId())
                    .filter(StreamSession.Destination::wanted);
            if (destination.isPresent()) {
                counted = counted.withDestination(destination.get().withCounters(output.bytesSent(),
                        output.bitrateKbps()));
            }
        }
        return counted;
    }

    private StreamSession withCountersOf(StreamSession session) {
        ChannelStatus status = statusOf(session);
        return status == null ? session : withLiveFigures(session, status);
    }

    private ChannelStatus statusOf(StreamSession session) {
        try {
            return media.status(session.organizationId());
        } catch (RuntimeException unavailable) {
            log.warn("No counters for session {}: {}", session.sessionId(), unavailable.getClass().getSimpleName());
            return null;
        }
    }

    /** Stops operators' sessions that ran past their maximum duration. */
    public void enforceMaxDuration() {
        Instant now = clock.instant();
        for (StreamSession open : store.findAllOpen()) {
            if (open.stopDeadline() != null && now.isAfter(open.stopDeadline())) {
                withLock(open.organizationId(), () -> store.findOpen(open.organizationId())
                        .map(s -> stopOpen(s, "stopped at the maximum streaming duration for operators")));
            }
        }
    }

    /**
     * Ends what a failed start left on the media plane (slate, HLS, outputs). When the backend
     * refuses that too (down, or its breaker open), the session is still recorded as failed and
     * {@link #retryUndoneStarts} tries again: nothing keeps running for a session nobody sees.
     */
    private void undoStart(String org) {
        try {
            media.stopChannel(org);
            undoneStarts.remove(org);
        } catch (RuntimeException e) {
            if (undoneStarts.add(org)) {
                log.warn("Could not undo the failed start of {} on the media backend ({}); retried until it can", org,
                        e.getClass().getSimpleName());
            }
        }
    }

    /** Retries the undoing of failed starts, unless a session of the organization has started since. */
    public void retryUndoneStarts() {
        for (String org : List.copyOf(undoneStarts)) {
            withLock(org, () -> {
                if (store.findOpen(org).isPresent()) {
                    undoneStarts.remove(org);
                } else {
                    undoStart(org);
                }
                return null;
            });
        }
    }

    /**
     * After a restart: every session that was open is brought back in line with the backend. A
     * channel the backend no longer runs is started again with the outputs that were wanted.
     */
    public void reconcile() {
        for (StreamSession open : store.findAllOpen()) {
            String org = open.organizationId();
            withLock(org, () -> {
                if (!media.status(org).running()) {
                    restore(open);
                }
                return null;
            });
        }
    }

    private void restore(StreamSession open) {
        String org = open.organizationId();
        reports.forget(org);
        try {
            media.startChannel(new ChannelRequest(org, open.sessionId(), sources.current(org), open.recording()));
            StreamSession restored = open.withError(new StreamSession.SessionError(clock.instant(), null,
                    "channel restored after a restart"));
            for (StreamSession.Destination d : open.destinations()) {
                if (!d.wanted()) {
                    continue;
                }
                Optional<DestinationTarget> target = destinations.target(org, d.destinationId());
                if (target.isEmpty()) {
                    restored = restored.withDestination(d.withStopped(clock.instant()));
                    continue;
                }
                media.startOutput(org, OutputSpec.of(target.get(), presetOf(org, target.get(), "destination_id")));
            }
            saveAndPublish(restored.withStatus(SessionStatus.ACTIVE, clock.instant()));
        } catch (RuntimeException failure) {
            log.error("Could not restore session {}: {}", open.sessionId(), failure.getClass().getSimpleName());
            saveAndPublish(open.withError(new StreamSession.SessionError(clock.instant(), null,
                    "channel could not be restored after a restart")));
        }
    }

    /**
     * A switch to the input already on air (a repeat) changes nothing. A session starts on the
     * slate until its encoder is heard: its first input going on air is no switch. Any other
     * switch is stored in the switch events, and counted once in the session.
     */
    private StreamSession recordSwitch(StreamSession open, MediaEvent.InputSwitched s) {
        if (s.to() == null || s.to().equals(open.sourceConfig().activeInput())) {
            return open;
        }
        if (open.switchCounts().switches() == 0 && (s.from() == null || "slate".equals(s.from()))) {
            return open.withActiveInput(s.to());
        }
        StreamSession.FailoverEvent event = new StreamSession.FailoverEvent(s.time(), s.from(), s.to(), s.reason());
        switches.append(open.organizationId(), open.sessionId(), open.switchCounts().switches() + 1L, event);
        return open.withSwitch(event);
    }

    /** A reported output state; an error is logged in the session only when it is a new one. */
    private static StreamSession applyOutput(StreamSession open, MediaEvent.OutputStateChanged o) {
        return open.destination(o.destinationId())
                .map(d -> {
                    StreamSession changed = open.withDestination(d.withState(OutputState.of(o.state()), o.lastError()));
                    boolean newError = o.lastError() != null && !o.lastError().equals(d.lastError());
                    return newError ? changed.withError(
                            new StreamSession.SessionError(o.time(), o.destinationId(), o.lastError())) : changed;
                })
                .orElse(open);
    }

    /** The destinations to start, each one the caller may use; without ids, the caller's auto-start ones. */
    private Map<DestinationTarget, EncodingPreset> resolve(Caller caller, List<String> ids) {
        String org = caller.requireOrganization();
        List<DestinationTarget> targets = new ArrayList<>();
        if (ids == null) {
            destinations.autoStart(org).stream().filter(t -> caller.mayAccess(t.ownerId())).forEach(targets::add);
        } else {
            for (String id : ids.stream().distinct().toList()) {
                DestinationTarget target = destinations.target(org, id).filter(t -> caller.mayAccess(t.ownerId()))
                        .orElseThrow(() -> new InvalidFieldException("destination_ids",
                                "destination '" + id + "' does not exist"));
                if (!target.enabled()) {
                    throw new InvalidFieldException("destination_ids", "destination '" + id + "' is disabled");
                }
                targets.add(target);
            }
        }
        Map<DestinationTarget, EncodingPreset> resolved = new LinkedHashMap<>();
        for (DestinationTarget target : targets) {
            resolved.put(target, presetOf(org, target, "destination_ids"));
        }
        return resolved;
    }

    private EncodingPreset presetOf(String org, DestinationTarget target, String field) {
        return presets.preset(org, target.presetId()).orElseThrow(() -> new InvalidFieldException(field,
                "destination '" + target.destinationId() + "' uses a preset that no longer exists"));
    }

    /** The caller's open session; another operator's is answered as none. */
    private StreamSession requireOpen(Caller caller) {
        return current(caller).orElseThrow(() -> new ConflictException("No streaming session is live."));
    }

    /** The session if the caller may see it; else 404, whether it exists or not. */
    private StreamSession visible(Caller caller, String sessionId) {
        return store.find(caller.requireOrganization(), sessionId).filter(s -> mayAccess(caller, s))
                .orElseThrow(() -> new NotFoundException("session", sessionId));
    }

    private static boolean mayAccess(Caller caller, StreamSession session) {
        return caller.mayAccess(session.startedById());
    }

    private StreamSession saveAndPublish(StreamSession session) {
        StreamSession saved = store.save(session);
        ChannelStatus live = liveFigures.get(saved.organizationId());
        hub.publish(live != null && saved.status().isOpen() ? withLiveFigures(saved, live) : saved);
        return saved;
    }

    /**
     * Runs {@code work} alone for the organization; a lost conditional write is retried on fresh
     * data, and answered 409 when it keeps losing.
     */
    private <T> T withLock(String org, java.util.function.Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(org, k -> new ReentrantLock());
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return work.get();
                } catch (ConcurrentChangeException raced) {
                    if (attempt == 3) {
                        throw new ConflictException("The session was changed at the same time. Try again.");
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The catalog entry of a session: the one the creator chose, else the session's own. */
    private static String streamIdOf(StreamSession session) {
        return session.streamId() != null ? session.streamId() : session.sessionId();
    }

    private static String newSessionId(Instant start) {
        return "s-" + start.toString().replaceAll("[-:.]", "") + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }
}
