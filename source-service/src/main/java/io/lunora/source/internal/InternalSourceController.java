package io.lunora.source.internal;

import io.lunora.source.config.SourceConfiguration;
import io.lunora.source.config.SourceConfigurationService;
import io.lunora.source.config.SrtSource;
import io.lunora.model.media.ChannelRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's inputs with their passphrases, in the media engine's own contract
 * ({@link ChannelRequest.Inputs}), for the streaming control service when it warms the inputs or
 * starts a channel. Scope {@code internal} only; the gateway never routes {@code /internal/**}.
 */
@RestController
@Hidden
class InternalSourceController {
    private final SourceConfigurationService configurations;

    InternalSourceController(SourceConfigurationService configurations) {
        this.configurations = configurations;
    }

    @GetMapping("/internal/sources/config")
    ChannelRequest.Inputs config(@RequestParam @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}") String organization) {
        SourceConfiguration c = configurations.current(organization);
        return new ChannelRequest.Inputs(c.redundancyMode().value(), c.failoverThreshold(),
                c.failback() == SourceConfiguration.FailbackPolicy.RETURN_TO_PRIMARY ? "return_to_primary" : "stay",
                c.failbackAfter(), input(c.primarySource()),
                c.redundancyMode().needsSecondary() ? input(c.secondarySource()) : null);
    }

    /** The organizations that saved a source configuration: their inputs are kept warm on the media plane. */
    @GetMapping("/internal/sources/organizations")
    List<String> organizations() {
        return configurations.configuredOrganizations();
    }

    private ChannelRequest.Input input(SrtSource s) {
        return s == null ? null : new ChannelRequest.Input(s.name(), s.mode().value(), s.host(), s.port(), s.latencyMs(),
                configurations.passphraseOf(s), s.pbkeylen(), s.streamId());
    }
}
