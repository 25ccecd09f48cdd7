package io.lunora.streaming.control;

import io.lunora.streaming.live.LiveStatusHub;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.MediaBackendUnavailableException;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.streaming.sessions.SwitchEventStore;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code /api/streaming/**}: sessions, per-destination control, live status and history. */
@RestController
@RequestMapping("/api/streaming")
class StreamingController {
    private static final String ID = "[A-Za-z0-9_-]{1,64}";

    private final StreamingControlService control;
    private final MediaBackend media;
    private final LiveStatusHub hub;
    private final Clock clock;

    StreamingController(StreamingControlService control, MediaBackend media, LiveStatusHub hub, Clock clock) {
        this.control = control;
        this.media = media;
        this.hub = hub;
        this.clock = clock;
    }

    /** 201 with the new session, or 200 with the session that is already open (start is idempotent). */
    @PostMapping("/start")
    ResponseEntity<SessionView> start(Caller caller, @Valid @RequestBody(required = false) StartSessionCommand command) {
        StreamingControlService.Started started = control.start(caller,
                command == null ? new StartSessionCommand(null, null, null, null) : command);
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SessionView.of(started.session(), clock.instant()));
    }

    /** "Pause all": the slate for every destination, none disconnected; 409 without a live session of the caller. */
    @PostMapping("/pause")
    ResponseEntity<Void> pause(Caller caller) {
        control.pause(caller, true);
        return ResponseEntity.noContent().build();
    }

    /** The program back from the slate. */
    @PostMapping("/resume")
    ResponseEntity<Void> resume(Caller caller) {
        control.pause(caller, false);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/stop")
    ResponseEntity<?> stop(Caller caller) {
        return control.stop(caller, null)
                .<ResponseEntity<?>>map(s -> ResponseEntity.ok(SessionView.of(s, clock.instant())))
                .orElse(ResponseEntity.ok(Map.of("status", "none")));
    }

    @PostMapping("/destinations/{id}/start")
    SessionView startDestination(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        return SessionView.of(control.startDestination(caller, id), clock.instant());
    }

    @PostMapping("/destinations/{id}/stop")
    SessionView stopDestination(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        return SessionView.of(control.stopDestination(caller, id), clock.instant());
    }

    /**
     * @param session the open session, its bytes and bitrate the backend's live figures
     * @param channel the media backend's view; null when the backend cannot be reached right now
     */
    record StatusView(SessionView session, ChannelStatus channel) {
    }

    @GetMapping("/status")
    StatusView status(Caller caller) {
        ChannelStatus channel;
        try {
            channel = media.status(caller.requireOrganization());
        } catch (RestClientException | MediaBackendUnavailableException unreachable) {
            channel = null; // the session record still answers; /api/health/medialive says why
        }
        Optional<StreamSession> current = control.current(caller);
        if (channel != null && current.isEmpty()) {
            // the organization's inputs are everyone's; the outputs of a session the caller may not see are not
            channel = new ChannelStatus(channel.running(), channel.activeInput(), channel.inputs(), List.of(),
                    channel.error());
        }
        ChannelStatus live = channel;
        return new StatusView(current
                .map(s -> live == null ? s : control.withLiveFigures(s, live))
                .map(s -> SessionView.of(s, clock.instant())).orElse(null), channel);
    }

    /**
     * Without a range: the latest sessions. With {@code from} and {@code to} (days, UTC, both
     * included; {@code to} defaults to today): every session started in that range, a year at most.
     */
    @GetMapping("/sessions")
    List<SessionView> sessions(Caller caller, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return sessionsIn(caller, from, to);
    }

    /** The same sessions as CSV, to download (a spreadsheet, a monthly report). */
    @GetMapping(path = "/sessions/export", produces = "text/csv")
    ResponseEntity<String> export(Caller caller, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        String name = "lunora-sessions" + (from == null ? "" : "-" + from + "-to-" + (to == null ? today() : to)) + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(SessionsCsv.of(sessionsIn(caller, from, to)));
    }

    private List<SessionView> sessionsIn(Caller caller, LocalDate from, LocalDate to) {
        if (from == null && to != null) {
            throw new InvalidFieldException("from", "from is needed with to");
        }
        List<StreamSession> sessions = from == null ? control.history(caller)
                : control.history(caller, from, to == null ? today() : to);
        return sessions.stream().map(s -> SessionView.of(s, clock.instant())).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @GetMapping("/sessions/{id}")
    SessionView session(Caller caller, @PathVariable @Pattern(regexp = ID) String id) {
        return SessionView.of(control.session(caller, id), clock.instant());
    }

    /** @param nextCursor the {@code cursor} of the next page; null on the last page */
    record SwitchEventsPage(List<StreamSession.FailoverEvent> events, String nextCursor) {
    }

    /** Every input switch of a session, oldest first, page by page. */
    @GetMapping("/sessions/{id}/events")
    SwitchEventsPage switchEvents(Caller caller, @PathVariable @Pattern(regexp = ID) String id,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Size(min = 1, max = 200) String cursor) {
        SwitchEventStore.Page page = control.switchEvents(caller, id, limit, cursor);
        return new SwitchEventsPage(page.events(), page.nextCursor());
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Caller caller) {
        return hub.subscribe(caller, control.current(caller).orElse(null));
    }
}
