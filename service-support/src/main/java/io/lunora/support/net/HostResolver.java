package io.lunora.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Answers the addresses of a host name; the system's DNS in the product, a stand-in in tests. */
@FunctionalInterface
public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
