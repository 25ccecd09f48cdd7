package io.lunora.preset.presets;

import java.util.List;

/** The export and import document: an organization's own presets, without ids or versions. */
public record PresetExport(String format, String exportedAt, List<PresetRequest> presets) {
    public static final String FORMAT = "lunora-presets/1";
}
