package io.lunora.engine.channel;

import io.lunora.engine.EngineProperties;
import io.lunora.support.problem.ConflictException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which organization runs what on this engine: a channel or a relay, never both, and at most
 * {@code lunora.engine.max-channels} of them together (each holds its own SRT ports and CPU).
 */
@Component
public class EngineSlots {
    private final int limit;
    private final Map<String, String> kinds = new HashMap<>();

    public EngineSlots(EngineProperties properties) {
        this.limit = properties.maxChannels();
    }

    /**
     * Takes a slot for the organization's {@code kind} ({@link ChannelState#CHANNEL} or
     * {@link ChannelState#RELAY}); nothing changes when it holds one already.
     */
    public synchronized void claim(String organizationId, String kind) {
        String held = kinds.get(organizationId);
        if (kind.equals(held)) {
            return;
        }
        if (held != null) {
            throw new ConflictException("The organization runs a " + held + " on this engine; stop it before starting a "
                    + kind + ".");
        }
        if (kinds.size() >= limit) {
            throw new ConflictException("The engine already runs " + kinds.size()
                    + " channel(s), its limit (lunora.engine.max-channels).");
        }
        kinds.put(organizationId, kind);
    }

    public synchronized void release(String organizationId) {
        kinds.remove(organizationId);
    }
}
