package io.lunora.support.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens connections to hosts users name (webhooks, publish targets) without a DNS-rebinding window:
 * the name is resolved once and vetted ({@link AddressGuard}), and the socket connects to that very
 * address. A client that resolves the name again (java.net.http does) could be answered a private
 * address after the check. TLS still speaks to the name: SNI carries it and the certificate must
 * match it, so pinning the address changes nothing a TLS peer sees.
 */
public final class GuardedConnector {
    private final AddressGuard guard;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SSLSocketFactory tls;

    /**
     * @param readTimeout the longest wait for any one read on the sockets it opens
     * @param tls         makes the TLS layer ({@link SSLSocketFactory#getDefault()} in the product)
     */
    public GuardedConnector(AddressGuard guard, Duration connectTimeout, Duration readTimeout, SSLSocketFactory tls) {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.tls = tls;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    /** Resolves and vets {@code host} once; every connection to the answer goes to the vetted address. */
    public Target target(String host) throws AddressGuard.RefusedException, UnknownHostException {
        return new Target(host, guard.vet(host));
    }

    /** Resolve, vet, connect and (when {@code secure}) start TLS, in one call. */
    public Socket open(String host, int port, boolean secure) throws AddressGuard.RefusedException, IOException {
        Target target = target(host);
        Socket socket = target.connect(port);
        try {
            return secure ? target.startTls(socket, port) : socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A vetted host: its name (for Host, SNI and the certificate) and the one address to connect to. */
    public final class Target {
        private final String host;
        private final InetAddress address;

        private Target(String host, InetAddress address) {
            this.host = host;
            this.address = address;
        }

        public String host() {
            return host;
        }

        public InetAddress address() {
            return address;
        }

        /** TCP to the vetted address, with the connector's connect and read timeouts. */
        public Socket connect(int port) throws IOException {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
                socket.setSoTimeout((int) readTimeout.toMillis());
                return socket;
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        /** TLS over {@code plain} naming the host: SNI and a certificate that must match the name. */
        public Socket startTls(Socket plain, int port) throws IOException {
            String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            SSLSocket socket = (SSLSocket) tls.createSocket(plain, name, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        }
    }
}
