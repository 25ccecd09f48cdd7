package io.lunora.engine.relay;

import io.lunora.engine.EngineProperties;
import io.lunora.support.problem.ConflictException;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The UDP ports of {@code lunora.engine.relay.ports} that rendition listeners hold. A port is
 * handed out only when no relay of this engine holds it and it can be bound right now (another
 * program may use it).
 */
public final class RelayPorts {
    private final EngineProperties.Relay settings;
    private final Set<Integer> held = new HashSet<>();

    public RelayPorts(EngineProperties.Relay settings) {
        this.settings = settings;
    }

    /** {@code count} ports at once, or none: 409 when the range has not that many free. */
    synchronized List<Integer> take(int count) {
        List<Integer> taken = new ArrayList<>();
        for (int port = settings.firstPort(); port <= settings.lastPort() && taken.size() < count; port++) {
            if (!held.contains(port) && bindable(port)) {
                taken.add(port);
            }
        }
        if (taken.size() < count) {
            throw new ConflictException("No free relay port for " + count + " more rendition(s): lunora.engine.relay.ports ("
                    + settings.ports() + ") has " + taken.size() + " free.");
        }
        held.addAll(taken);
        return taken;
    }

    synchronized void release(int port) {
        held.remove(port);
    }

    private boolean bindable(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()),
                port))) {
            return socket.isBound();
        } catch (IOException inUse) {
            return false;
        }
    }
}
