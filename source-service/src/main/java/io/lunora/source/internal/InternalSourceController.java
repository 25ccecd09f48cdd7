package io.lunora.source.internal;

import io.lunora.source.config.SourceConfiguration;
import io.lunora.source.config.SourceConfigurationService;
import io.lunora.source.config.SrtSource;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's inputs with their passphrases, for the streaming control service when it
 * starts a channel. Scope {@code internal} only; the gateway never routes {@code /internal/**}.
 */
@RestController
@Hidden
class InternalSourceController {
    private final SourceConfigurationService configurations;

    InternalSourceController(SourceConfigurationService configurations) {
        this.configurations = configurations;
    }

    /** The wire shape of the streaming control service's {@code ChannelSpec.Inputs}. */
    record Inputs(String mode, int failoverThreshold, String failback, int failbackAfter, Input primary,
            Input secondary) {
    }

    record Input(String name, String mode, String host, int port, int latencyMs, String passphrase,
            Integer pbkeylen, String streamId) {
        @Override
        public String toString() {
            return "Input[" + name + ", " + mode + " " + host + ":" + port + "]";
        }
    }

    @GetMapping("/internal/sources/config")
    Inputs config(@RequestParam @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String organization) {
        SourceConfiguration c = configurations.current(organization);
        return new Inputs(c.redundancyMode().value(), c.failoverThreshold(),
                c.failback() == SourceConfiguration.FailbackPolicy.RETURN_TO_PRIMARY ? "return_to_primary" : "stay",
                c.failbackAfter(), input(c.primarySource()),
                c.redundancyMode().needsSecondary() ? input(c.secondarySource()) : null);
    }

    private Input input(SrtSource s) {
        return s == null ? null : new Input(s.name(), s.mode().value(), s.host(), s.port(), s.latencyMs(),
                configurations.passphraseOf(s), s.pbkeylen(), s.streamId());
    }
}
