package io.lunora.source.signal;

import java.util.List;

/** The inputs as the media backend sees them (the engine's channel status, inputs part). */
public record SignalStatus(boolean running, String activeInput, List<Input> inputs) {

    public record Input(String input, boolean connected, int bitrateKbps, long lastPacketAgeMs, long continuityErrors,
            long uptimeSeconds) {
    }
}
