package io.lunora.engine.api;

import java.util.List;
import java.util.Map;

/** The answer of {@code PUT /internal/engine/relays/{org}}: where MediaLive sends each rendition. */
record RelayView(List<RenditionPort> renditions) {

    record RenditionPort(String presetId, int port) {
    }

    static RelayView of(Map<String, Integer> ports) {
        return new RelayView(ports.entrySet().stream().map(e -> new RenditionPort(e.getKey(), e.getValue())).toList());
    }
}
