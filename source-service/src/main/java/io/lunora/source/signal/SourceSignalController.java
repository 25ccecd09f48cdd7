package io.lunora.source.signal;

import io.lunora.source.config.SourceConfiguration;
import io.lunora.source.config.SourceConfigurationService;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;

/** {@code GET /api/sources/status} and {@code POST /api/sources/switch}: live from the media backend. */
@RestController
class SourceSignalController {
    private final SourceSignal signal;
    private final SourceConfigurationService configurations;

    SourceSignalController(SourceSignal signal, SourceConfigurationService configurations) {
        this.signal = signal;
        this.configurations = configurations;
    }

    /** @param connected and the figures: null when the inputs' health is not known */
    record SourceState(String role, String name, boolean active, Boolean connected, Integer bitrateKbps,
            Long lastPacketAgeMs, Long continuityErrors, Long uptimeSeconds) {
    }

    /**
     * @param healthKnown false when the media backend's health reading could not be had (AWS:
     *                    streaming-control did not answer); {@code notice} then says what is shown
     */
    record StatusView(boolean channelRunning, String redundancyMode, String activeInput, boolean healthKnown,
            String notice, List<SourceState> sources) {
    }

    /** @param notice for the operator: when the media backend applies the switch; null when at once */
    record SwitchAnswer(String input, String notice) {
    }

    record SwitchRequest(@NotNull @Pattern(regexp = "primary|secondary", message = "must be primary or secondary")
            String input, @Size(max = 200) String reason) {
    }

    @GetMapping("/api/sources/status")
    StatusView status(Caller caller) {
        String org = caller.requireOrganization();
        SourceConfiguration config = configurations.current(org);
        SignalStatus status = call(() -> signal.status(org));
        List<SourceState> sources = status.inputs().stream().map(i -> new SourceState(i.input(),
                "primary".equals(i.input()) ? config.primarySource().name()
                        : config.secondarySource() == null ? null : config.secondarySource().name(),
                i.input().equals(status.activeInput()), i.connected(), i.bitrateKbps(), i.lastPacketAgeMs(),
                i.continuityErrors(), i.uptimeSeconds())).toList();
        return new StatusView(status.running(), config.redundancyMode().value(), status.activeInput(),
                status.healthUnknown() == null, status.healthUnknown(), sources);
    }

    /** 202: the switch is asked for; it happens when the backend applies it and shows in the events. */
    @PostMapping("/api/sources/switch")
    ResponseEntity<SwitchAnswer> switchInput(Caller caller, @Valid @RequestBody SwitchRequest request) {
        String org = caller.requireOrganization();
        if (!configurations.current(org).redundancyMode().needsSecondary()) {
            throw new ConflictException("The source configuration has a single input: there is nothing to switch to.");
        }
        SignalStatus status = call(() -> signal.status(org));
        if (!status.running()) {
            throw new ConflictException("No channel is running: start streaming first.");
        }
        Optional<String> notice = call(() -> signal.switchTo(org, request.input(),
                request.reason() == null ? "manual switch by " + caller.username() : request.reason()));
        return ResponseEntity.accepted().body(new SwitchAnswer(request.input(), notice.orElse(null)));
    }

    private static <T> T call(java.util.function.Supplier<T> backend) {
        try {
            return backend.get();
        } catch (RestClientException unavailable) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The media engine did not answer. Check that it runs, then try again.");
            problem.setTitle("Media engine unavailable");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        }
    }
}
