package io.lunora.source.config;

import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /api/sources/config}: reading is for operators and admins, changing for admins only. */
@RestController
@RequestMapping("/api/sources/config")
class SourceConfigurationController {
    private final SourceConfigurationService service;

    SourceConfigurationController(SourceConfigurationService service) {
        this.service = service;
    }

    @GetMapping
    SourceConfigurationView get(Caller caller) {
        return SourceConfigurationView.of(service.current(caller.requireOrganization()));
    }

    @PutMapping
    SourceConfigurationView put(Caller caller, @Valid @RequestBody SourceConfigurationRequest request) {
        return SourceConfigurationView.of(service.update(caller, request));
    }
}
