package io.lunora.preset.presets;

import io.lunora.model.preset.EncodingPreset;
import io.lunora.support.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/presets}: reading for operators and admins, writing for admins (see {@code PresetRoutes}). */
@RestController
@RequestMapping("/api/presets")
@Tag(name = "Presets", description = "Encoding presets: built-in platform presets and the organization's own")
class PresetController {
    private final PresetService presets;

    PresetController(PresetService presets) {
        this.presets = presets;
    }

    @GetMapping
    @Operation(summary = "List all presets: built-in first, then the organization's own")
    List<EncodingPreset> list(Caller caller) {
        return presets.list(caller.requireOrganization());
    }

    @GetMapping("/export")
    @Operation(summary = "Export the organization's own presets as a JSON document")
    PresetExport export(Caller caller) {
        return presets.export(caller.requireOrganization());
    }

    @GetMapping("/{platform}")
    @Operation(summary = "List the presets of one platform (youtube, x, linkedin, custom)")
    List<EncodingPreset> byPlatform(Caller caller, @PathVariable String platform) {
        return presets.listForPlatform(caller.requireOrganization(), platform);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a preset; advanced settings default from the video settings")
    EncodingPreset create(Caller caller, @RequestBody PresetRequest request) {
        return presets.create(caller.requireOrganization(), request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a preset; send the version you read (a stale one is a 409)")
    EncodingPreset update(Caller caller, @PathVariable String id, @RequestBody PresetRequest request) {
        return presets.update(caller.requireOrganization(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a preset that no destination uses (409 otherwise)")
    void delete(Caller caller, @PathVariable String id, @RequestParam(required = false) Long version) {
        presets.delete(caller.requireOrganization(), id, version);
    }

    @PostMapping("/{id}/clone")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Copy a preset, built-in ones included, into an editable preset")
    EncodingPreset cloneOf(Caller caller, @PathVariable String id, @RequestBody(required = false) CloneRequest request) {
        return presets.cloneOf(caller.requireOrganization(), id, request == null ? null : request.name());
    }

    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import an exported document; all presets are checked before any is stored")
    List<EncodingPreset> importAll(Caller caller, @RequestBody PresetExport document) {
        return presets.importAll(caller.requireOrganization(), document);
    }

    record CloneRequest(String name) {
    }
}
