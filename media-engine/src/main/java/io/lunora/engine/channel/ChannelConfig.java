package io.lunora.engine.channel;

import io.lunora.engine.ingest.SrtInputSettings;
import io.lunora.engine.program.SwitcherSettings;

/**
 * What a channel runs, as the engine understands it (checked and converted from the API body).
 *
 * @param secondary null when the channel has only a primary input
 */
public record ChannelConfig(String sessionId, SwitcherSettings switching, SrtInputSettings primary,
        SrtInputSettings secondary, boolean recording) {
}
