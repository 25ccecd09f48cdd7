package io.lunora.source.signal;

import java.util.List;

/**
 * The inputs as the media backend sees them (the engine's channel status, inputs part).
 *
 * @param healthUnknown null when the inputs' health was measured; else why it is not known, for the
 *                      operator (the inputs' figures are then null)
 */
public record SignalStatus(boolean running, String activeInput, List<Input> inputs, String healthUnknown) {

    public SignalStatus(boolean running, String activeInput, List<Input> inputs) {
        this(running, activeInput, inputs, null);
    }

    /** @param connected and the figures: null when not known */
    public record Input(String input, Boolean connected, Integer bitrateKbps, Long lastPacketAgeMs,
            Long continuityErrors, Long uptimeSeconds) {

        /** An input known by name only: its health could not be read. */
        public static Input unknown(String input) {
            return new Input(input, null, null, null, null, null);
        }
    }
}
