package io.lunora.preset.presets;

import io.lunora.model.preset.EncodingPreset;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One preset for the streaming control service, which resolves a session's presets without a
 * user's token (scope {@code internal}; the gateway never routes {@code /internal/**}).
 */
@RestController
@Hidden
class InternalPresetController {
    private final PresetService presets;

    InternalPresetController(PresetService presets) {
        this.presets = presets;
    }

    @GetMapping("/internal/presets/{id}")
    EncodingPreset get(@PathVariable String id, @RequestParam String organization) {
        return presets.get(organization, id);
    }
}
