package io.lunora.preset.presets;

import io.lunora.model.destination.Platforms;
import io.lunora.model.preset.EncodingPreset;
import io.lunora.preset.usage.PresetUsagePort;
import io.lunora.support.problem.FieldErrors;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The preset use cases of one organization; built-in presets are shared, read-only and cloneable. */
@Service
public class PresetService {
    static final int MAX_IMPORT = 50;
    private static final Logger log = LoggerFactory.getLogger(PresetService.class);

    private final PresetStore store;
    private final PresetUsagePort usage;
    private final Clock clock;

    PresetService(PresetStore store, PresetUsagePort usage) {
        this.store = store;
        this.usage = usage;
        this.clock = Clock.systemUTC();
    }

    /** Built-in presets first, then the organization's own, each by name. */
    public List<EncodingPreset> list(String organizationId) {
        return Stream.concat(sorted(store.list(PresetStore.BUILT_IN_SCOPE)), sorted(store.list(organizationId)))
                .toList();
    }

    public List<EncodingPreset> listForPlatform(String organizationId, String platform) {
        FieldErrors errors = new FieldErrors();
        errors.oneOf("platform", platform, Platforms.ALL);
        errors.throwIfAny();
        return list(organizationId).stream().filter(p -> p.platform().equals(platform)).toList();
    }

    public EncodingPreset get(String organizationId, String presetId) {
        String scope = BuiltInPresets.isBuiltIn(presetId) ? PresetStore.BUILT_IN_SCOPE : organizationId;
        return store.find(scope, presetId).orElseThrow(() -> new NotFoundException("preset", presetId));
    }

    public EncodingPreset create(String organizationId, PresetRequest request) {
        FieldErrors errors = new FieldErrors();
        PresetRequest checked = PresetValidator.check(request, "", errors);
        errors.throwIfAny();
        EncodingPreset created = store.create(organizationId, fresh(checked));
        log.info("Preset {} created in organization {}", created.presetId(), organizationId);
        return created;
    }

    public EncodingPreset update(String organizationId, String presetId, PresetRequest request) {
        EncodingPreset current = ownPreset(organizationId, presetId);
        FieldErrors errors = new FieldErrors();
        PresetRequest checked = PresetValidator.check(request, "", errors);
        if (request != null && request.version() == null) {
            errors.add("version", "is required: send the version you read");
        }
        errors.throwIfAny();
        EncodingPreset updated = store.update(organizationId, new EncodingPreset(presetId, checked.platform(),
                checked.name(), false, checked.passthrough(), checked.video(), checked.audio(), checked.advanced(), checked.version(),
                current.createdAt(), now()));
        log.info("Preset {} updated to version {}", presetId, updated.version());
        return updated;
    }

    public void delete(String organizationId, String presetId, Long version) {
        ownPreset(organizationId, presetId);
        // a destination service that cannot be asked fails the delete (503 naming it): never delete blind
        List<String> users = usage.destinationsUsing(organizationId, presetId);
        if (!users.isEmpty()) {
            throw new ConflictException("The preset is used by " + users.size()
                    + " destination(s): " + String.join(", ", users) + ". Change their preset first.");
        }
        store.delete(organizationId, presetId, version);
        log.info("Preset {} deleted from organization {}", presetId, organizationId);
    }

    /** Copies any visible preset (built-in included) into the organization as an editable preset. */
    public EncodingPreset cloneOf(String organizationId, String presetId, String name) {
        EncodingPreset source = get(organizationId, presetId);
        String cloneName = name == null || name.isBlank() ? "Copy of " + source.name() : name;
        PresetRequest request = new PresetRequest(cloneName, source.platform(), source.passthrough(), source.video(), source.audio(),
                source.advanced(), null);
        return create(organizationId, request);
    }

    public PresetExport export(String organizationId) {
        List<PresetRequest> presets = sorted(store.list(organizationId))
                .map(p -> new PresetRequest(p.name(), p.platform(), p.passthrough(), p.video(), p.audio(), p.advanced(), null))
                .toList();
        return new PresetExport(PresetExport.FORMAT, now(), presets);
    }

    /** All or nothing: every preset is checked before the first is stored. */
    public List<EncodingPreset> importAll(String organizationId, PresetExport document) {
        FieldErrors errors = new FieldErrors();
        if (document == null) {
            errors.add("body", "is required");
            errors.throwIfAny();
        }
        if (!PresetExport.FORMAT.equals(document.format())) {
            errors.add("format", "must be " + PresetExport.FORMAT);
        }
        List<PresetRequest> presets = document.presets() == null ? List.of() : document.presets();
        if (presets.isEmpty()) {
            errors.add("presets", "must hold at least one preset");
        } else if (presets.size() > MAX_IMPORT) {
            errors.add("presets", "must hold at most " + MAX_IMPORT + " presets");
        }
        List<PresetRequest> checked = new ArrayList<>();
        for (int i = 0; i < presets.size() && presets.size() <= MAX_IMPORT; i++) {
            checked.add(PresetValidator.check(presets.get(i), "presets[" + i + "].", errors));
        }
        errors.throwIfAny();
        List<EncodingPreset> created = checked.stream().map(r -> store.create(organizationId, fresh(r))).toList();
        log.info("{} presets imported into organization {}", created.size(), organizationId);
        return created;
    }

    private EncodingPreset ownPreset(String organizationId, String presetId) {
        if (BuiltInPresets.isBuiltIn(presetId)) {
            get(organizationId, presetId); // unknown built-in ids are 404s like any other
            throw new ConflictException("Built-in presets are read-only. Clone the preset to change it.");
        }
        return get(organizationId, presetId);
    }

    private EncodingPreset fresh(PresetRequest r) {
        String now = now();
        return new EncodingPreset("preset-" + UUID.randomUUID(), r.platform(), r.name(), false, r.passthrough(), r.video(), r.audio(),
                r.advanced(), null, now, now);
    }

    private String now() {
        return Instant.now(clock).toString();
    }

    private static Stream<EncodingPreset> sorted(List<EncodingPreset> presets) {
        return presets.stream().sorted(Comparator.comparing(EncodingPreset::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(EncodingPreset::presetId));
    }
}
