package io.lunora.destination.connectivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.support.net.AddressGuard;
import io.lunora.support.net.GuardedConnector;
import io.lunora.support.net.HostResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connectivity test against a rebinding DNS server: the ingest's name answers an allowed
 * address (127.0.0.2, allow-listed as an operator's LAN ingest) once and the deployment's own
 * loopback afterwards. The probe must go where the check said, never to the address behind it.
 */
class RtmpProbeRebindingTest {
    static final String NAME = "ingest.rebind.test";

    final AtomicInteger lookups = new AtomicInteger();
    final HostResolver rebinding = host -> host.equals(NAME)
            ? new InetAddress[] {InetAddress.getByName(lookups.incrementAndGet() == 1 ? "127.0.0.2" : "127.0.0.1")}
            : HostResolver.SYSTEM.resolve(host);
    final RtmpProbe probe = new RtmpProbe(new GuardedConnector(new AddressGuard(List.of("127.0.0.2/32"), rebinding),
            Duration.ofSeconds(2), Duration.ofSeconds(2), (SSLSocketFactory) SSLSocketFactory.getDefault()));

    ServerSocket vetted;
    ServerSocket internal;

    @AfterEach
    void close() throws IOException {
        for (ServerSocket server : new ServerSocket[] {vetted, internal}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void shouldProbeTheVettedAddressAndNeverTheOneTheNameRebindsTo() throws Exception {
        listenOnBothAddresses();
        CompletableFuture<Boolean> reached = CompletableFuture.supplyAsync(() -> {
            try (Socket peer = vetted.accept()) {
                return true; // hangs up: the probe's handshake fails after it connected here
            } catch (IOException e) {
                return false;
            }
        });

        ProbeResult result = probe.probe("rtmp://" + NAME + ":" + vetted.getLocalPort() + "/live");

        assertThat(reached.get(5, TimeUnit.SECONDS)).as("the vetted address was reached").isTrue();
        assertThat(result.failedStep()).isEqualTo(ProbeResult.Step.HANDSHAKE);
        assertThat(lookups.get()).as("lookups of the name").isEqualTo(1);
        assertThatThrownBy(internal::accept).as("nothing reached the loopback listener")
                .isInstanceOf(SocketTimeoutException.class);
    }

    /** Listeners on 127.0.0.2 and 127.0.0.1 with one port: the one reached tells the address used. */
    private void listenOnBothAddresses() throws IOException {
        for (int tries = 0; tries < 20; tries++) {
            vetted = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.2"));
            try {
                internal = new ServerSocket(vetted.getLocalPort(), 5, InetAddress.getByName("127.0.0.1"));
                internal.setSoTimeout(1);
                return;
            } catch (IOException portTakenOnLoopback) {
                vetted.close();
            }
        }
        throw new IllegalStateException("no port free on both 127.0.0.1 and 127.0.0.2");
    }
}
