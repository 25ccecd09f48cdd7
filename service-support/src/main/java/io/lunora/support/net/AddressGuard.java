package io.lunora.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Keeps publish targets from reaching into the deployment's own network (SSRF), one rule for every
 * place that judges them: destination-service when a destination is saved or tested, the media
 * engine before it pushes. A host is resolved once, every address it resolves to must be public,
 * and the caller then connects to the vetted address (no second lookup a rebinding DNS server
 * could answer differently; {@link GuardedConnector} does both). Addresses in the operator's
 * allow-list pass anyway.
 */
public class AddressGuard {
    /** Special-purpose blocks (RFC 6890 and friends) a stream destination has no business in. */
    private static final List<Cidr> BLOCKED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "fc00::/7", "fe80::/10", "ff00::/8",
            // AWS's IPv6 instance metadata endpoint sits in fd00:ec2::/32 (covered by fc00::/7; named for clarity)
            "fd00:ec2::/32").stream().map(Cidr::parse).toList();

    private final List<Cidr> allowed;
    private final HostResolver resolver;

    public AddressGuard(List<String> allowList) {
        this(allowList, HostResolver.SYSTEM);
    }

    public AddressGuard(List<String> allowList, HostResolver resolver) {
        this.allowed = allowList == null ? List.of() : allowList.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
        this.resolver = resolver;
    }

    /**
     * The address to connect to, or an exception saying why the host is refused. Connect to exactly
     * this address ({@link GuardedConnector} does): resolving the name again may answer another one.
     */
    public InetAddress vet(String host) throws RefusedException, UnknownHostException {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(literal);
        for (InetAddress address : addresses) {
            if (isBlocked(address)) {
                throw new RefusedException("the host resolves to a loopback, private, link-local or metadata address ("
                        + address.getHostAddress() + "), which the allow-list (LUNORA_DESTINATION_ALLOWED_PRIVATE_HOSTS) does not permit");
            }
        }
        return addresses[0];
    }

    boolean isBlocked(InetAddress address) {
        if (allowed.stream().anyMatch(c -> c.contains(address))) {
            return false;
        }
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || BLOCKED.stream().anyMatch(c -> c.contains(address)) || isMappedBlocked(address);
    }

    /** {@code ::ffff:a.b.c.d} and the like are judged by the IPv4 address they carry. */
    private boolean isMappedBlocked(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean mapped = (b[10] == (byte) 0xFF && b[11] == (byte) 0xFF) || (b[10] == 0 && b[11] == 0);
        if (!mapped) {
            return false;
        }
        try {
            return isBlocked(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** The host may not be reached from here. */
    public static class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }
}
