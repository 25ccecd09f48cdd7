package io.lunora.auth;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/** An address of this machine that is not loopback: how a test calls "from the network". */
final class NetworkAddresses {
    private NetworkAddresses() {
    }

    static Optional<String> nonLoopbackIpv4() {
        try {
            return NetworkInterface.networkInterfaces().filter(NetworkAddresses::usable)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .map(a -> a.getHostAddress()).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean usable(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
