package io.lunora.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding against the connector: the name answers an allowed address when it is checked and
 * a loopback address behind it afterwards. The connection must reach the vetted address (one
 * lookup), never the one behind it. 127.0.0.2 plays the public host (allow-listed, as an operator
 * would allow a LAN ingest); 127.0.0.1 plays the deployment's own services, which stay refused.
 */
class GuardedConnectorTest {
    static final String NAME = "hooks.rebind.test";

    @TempDir
    static Path certificates;
    static KeyStore keyStore;

    ServerSocket vetted;
    ServerSocket internal;

    @BeforeAll
    static void certificateForTheName() throws Exception {
        Path store = certificates.resolve("hooks.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hooks", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + NAME, "-ext", "SAN=dns:" + NAME, "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool ended").isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
    }

    @AfterEach
    void close() throws IOException {
        for (ServerSocket server : new ServerSocket[] {vetted, internal}) {
            if (server != null) {
                server.close();
            }
        }
    }

    /** A listener on 127.0.0.2 and one on 127.0.0.1 with the same port: which one a connection reaches tells the address used. */
    void listenOnBothAddresses(ServerSocketFactory factory) throws IOException {
        for (int tries = 0; tries < 20; tries++) {
            vetted = factory.createServerSocket(0, 5, InetAddress.getByName("127.0.0.2"));
            try {
                internal = ServerSocketFactory.getDefault().createServerSocket(vetted.getLocalPort(), 5,
                        InetAddress.getByName("127.0.0.1"));
                internal.setSoTimeout(1);
                return;
            } catch (IOException portTakenOnLoopback) {
                vetted.close();
            }
        }
        throw new IllegalStateException("no port free on both 127.0.0.1 and 127.0.0.2");
    }

    GuardedConnector connector(HostResolver resolver, SSLSocketFactory tls) {
        return new GuardedConnector(new AddressGuard(List.of("127.0.0.2/32"), resolver), Duration.ofSeconds(2),
                Duration.ofSeconds(3), tls);
    }

    @Test
    void shouldConnectToTheVettedAddressWhenTheNameIsReboundAfterTheCheck() throws Exception {
        listenOnBothAddresses(ServerSocketFactory.getDefault());
        RebindingResolver dns = new RebindingResolver(NAME, "127.0.0.2", "127.0.0.1", 1);
        CompletableFuture<InetSocketAddress> reached = CompletableFuture.supplyAsync(() -> acceptOne(vetted));

        try (Socket socket = connector(dns, null).open(NAME, vetted.getLocalPort(), false)) {
            assertThat(reached.get(5, TimeUnit.SECONDS)).as("the vetted address's listener was reached").isNotNull();
            assertThat(socket.getInetAddress()).isEqualTo(InetAddress.getByName("127.0.0.2"));
        }
        assertThat(dns.asked()).as("lookups of the name").isEqualTo(1);
        assertThatThrownBy(internal::accept).as("nothing reached the address behind the name")
                .isInstanceOf(java.net.SocketTimeoutException.class);
    }

    @Test
    void shouldRefuseANameThatAnswersAPrivateAddressAtTheCheck() throws Exception {
        listenOnBothAddresses(ServerSocketFactory.getDefault());
        RebindingResolver dns = new RebindingResolver(NAME, "127.0.0.1", "127.0.0.2", 1);

        assertThatThrownBy(() -> connector(dns, null).open(NAME, internal.getLocalPort(), false))
                .isInstanceOf(AddressGuard.RefusedException.class).hasMessageContaining("127.0.0.1");
        assertThatThrownBy(internal::accept).isInstanceOf(java.net.SocketTimeoutException.class);
    }

    @Test
    void shouldSpeakTlsToTheNameWhileConnectedToTheVettedAddress() throws Exception {
        SSLContext server = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        server.init(keys.getKeyManagers(), null, null);
        listenOnBothAddresses(server.getServerSocketFactory());
        CompletableFuture<List<Object>> serverNames = CompletableFuture.supplyAsync(() -> handshakeOne((SSLServerSocket) vetted));
        RebindingResolver dns = new RebindingResolver(NAME, "127.0.0.2", "127.0.0.1", 1);

        try (Socket socket = connector(dns, trusting(keyStore)).open(NAME, vetted.getLocalPort(), true)) {
            assertThat(socket).isInstanceOf(SSLSocket.class);
            assertThat(socket.getInputStream().read()).isEqualTo(42);
        }
        assertThat(serverNames.get(5, TimeUnit.SECONDS)).containsExactly(new SNIHostName(NAME));
        assertThat(dns.asked()).isEqualTo(1);
    }

    @Test
    void shouldRefuseACertificateThatDoesNotNameTheHost() throws Exception {
        SSLContext server = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        server.init(keys.getKeyManagers(), null, null);
        listenOnBothAddresses(server.getServerSocketFactory());
        CompletableFuture.runAsync(() -> handshakeOne((SSLServerSocket) vetted));
        // the same vetted address under another name: the certificate (for NAME) must not pass
        HostResolver other = host -> host.equals("other.rebind.test")
                ? new InetAddress[] {InetAddress.getByName("127.0.0.2")} : HostResolver.SYSTEM.resolve(host);

        assertThatThrownBy(() -> connector(other, trusting(keyStore)).open("other.rebind.test", vetted.getLocalPort(), true))
                .isInstanceOf(SSLHandshakeException.class);
    }

    static SSLSocketFactory trusting(KeyStore store) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        return client.getSocketFactory();
    }

    static InetSocketAddress acceptOne(ServerSocket server) {
        try (Socket peer = server.accept()) {
            return (InetSocketAddress) peer.getRemoteSocketAddress();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Completes one TLS handshake, answers one byte and tells the names the client asked for (SNI). */
    static List<Object> handshakeOne(SSLServerSocket server) {
        try (SSLSocket peer = (SSLSocket) server.accept()) {
            peer.setSoTimeout(5000);
            peer.startHandshake();
            List<Object> names = List.copyOf(((ExtendedSSLSession) peer.getSession()).getRequestedServerNames());
            peer.getOutputStream().write(42);
            peer.getOutputStream().flush();
            return names;
        } catch (IOException e) {
            return List.of();
        }
    }
}
