package io.lunora.preset.presets;

import io.lunora.model.preset.EncodingPreset;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Writes the built-in presets at start-up. A missing one is created and one whose settings
 * differ from this release's is brought back in line; an unchanged one is left alone, so
 * several instances starting together write nothing.
 */
@Component
class BuiltInSeeder implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BuiltInSeeder.class);

    private final PresetStore store;

    BuiltInSeeder(PresetStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        String now = Instant.now().toString();
        for (EncodingPreset preset : BuiltInPresets.ALL) {
            Optional<EncodingPreset> stored = store.find(PresetStore.BUILT_IN_SCOPE, preset.presetId());
            if (stored.isEmpty()) {
                store.create(PresetStore.BUILT_IN_SCOPE, withTimes(preset, null, now, now));
                log.info("Seeded built-in preset {}", preset.presetId());
            } else if (!sameSettings(stored.get(), preset)) {
                EncodingPreset s = stored.get();
                store.update(PresetStore.BUILT_IN_SCOPE, withTimes(preset, s.version(), s.createdAt(), now));
                log.info("Updated built-in preset {}", preset.presetId());
            }
        }
    }

    private static boolean sameSettings(EncodingPreset a, EncodingPreset b) {
        return a.name().equals(b.name()) && a.platform().equals(b.platform()) && a.video().equals(b.video())
                && a.audio().equals(b.audio()) && a.advanced().equals(b.advanced());
    }

    private static EncodingPreset withTimes(EncodingPreset p, Long version, String createdAt, String updatedAt) {
        return new EncodingPreset(p.presetId(), p.platform(), p.name(), true, p.passthrough(), p.video(), p.audio(), p.advanced(),
                version, createdAt, updatedAt);
    }
}
