package io.lunora.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server turned against its callers: the first {@code honest} answers for {@code name} are
 * the address that passes the check, every later one the address behind it. Other names resolve
 * as usual.
 */
final class RebindingResolver implements HostResolver {
    private final String name;
    private final InetAddress vetted;
    private final InetAddress rebound;
    private final int honest;
    private final AtomicInteger asked = new AtomicInteger();

    RebindingResolver(String name, String vetted, String rebound, int honest) throws UnknownHostException {
        this.name = name;
        this.vetted = InetAddress.getByName(vetted);
        this.rebound = InetAddress.getByName(rebound);
        this.honest = honest;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (!host.equalsIgnoreCase(name)) {
            return HostResolver.SYSTEM.resolve(host);
        }
        return new InetAddress[] {asked.incrementAndGet() <= honest ? vetted : rebound};
    }

    int asked() {
        return asked.get();
    }
}
