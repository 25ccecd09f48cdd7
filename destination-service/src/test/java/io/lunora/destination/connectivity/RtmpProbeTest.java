package io.lunora.destination.connectivity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.destination.connectivity.ProbeResult.Step;
import io.lunora.support.net.AddressGuard;
import io.lunora.support.net.GuardedConnector;
import io.lunora.testing.FreePorts;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/** The probe against a real RTMP server (FFmpeg) and against peers that fail at each step. */
class RtmpProbeTest {
    final RtmpProbe probe = new RtmpProbe(new GuardedConnector(new AddressGuard(List.of("127.0.0.0/8")),
            Duration.ofSeconds(2), Duration.ofSeconds(3), (SSLSocketFactory) SSLSocketFactory.getDefault()));

    @Test
    void shouldCompleteHandshakeAndConnectWithARealRtmpServer() throws Exception {
        int port = FreePorts.next();
        try (FfmpegRtmpServer server = FfmpegRtmpServer.start("127.0.0.1", port, "/live/secret-key-123456")) {
            ProbeResult result = probe.probe("rtmp://127.0.0.1:" + port + "/live");

            assertThat(result.reachable()).as(result.message()).isTrue();
            assertThat(result.failedStep()).isNull();
            assertThat(result.durationMs()).isLessThan(3000);
            // we hung up after connect: the listener gives up without ever seeing a publish
            assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(server.output()).doesNotContain("Unable to read command string", "Expecting connect");
        }
    }

    @Test
    void shouldReportARefusedTcpConnection() {
        ProbeResult result = probe.probe("rtmp://127.0.0.1:" + FreePorts.next() + "/live");

        assertThat(result.reachable()).isFalse();
        assertThat(result.failedStep()).isEqualTo(Step.TCP_CONNECT);
        assertThat(result.message()).isEqualTo("The connection was refused.");
    }

    @Test
    void shouldReportAPeerThatIsNotAnRtmpServerAsAHandshakeFailure() throws Exception {
        try (ServerSocket http = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerOnce(http, "HTTP/1.1 400 Bad Request\r\n\r\n"));

            ProbeResult result = probe.probe("rtmp://127.0.0.1:" + http.getLocalPort() + "/live");

            assertThat(result.failedStep()).isEqualTo(Step.HANDSHAKE);
            assertThat(result.message()).contains("RTMP version 72");
        }
    }

    @Test
    void shouldReportASilentServerAsATimeoutOfTheHandshake() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProbeResult result = probe.probe("rtmp://127.0.0.1:" + silent.getLocalPort() + "/live");

            assertThat(result.failedStep()).isEqualTo(Step.HANDSHAKE);
            assertThat(result.message()).isEqualTo("No answer within 3000 ms.");
        }
    }

    @Test
    void shouldReportRtmpsToAPlainServerAsATlsFailure() throws Exception {
        int port = FreePorts.next();
        try (FfmpegRtmpServer server = FfmpegRtmpServer.start("127.0.0.1", port, "/live/k")) {
            ProbeResult result = probe.probe("rtmps://127.0.0.1:" + port + "/live");

            assertThat(result.reachable()).isFalse();
            assertThat(result.failedStep()).isEqualTo(Step.TLS);
        }
    }

    @Test
    void shouldRefuseLoopbackWithoutTheAllowList() {
        RtmpProbe strict = new RtmpProbe(new GuardedConnector(new AddressGuard(List.of()), Duration.ofSeconds(1),
                Duration.ofSeconds(1), (SSLSocketFactory) SSLSocketFactory.getDefault()));

        ProbeResult result = strict.probe("rtmp://localhost:1935/live");

        assertThat(result.failedStep()).isEqualTo(Step.ADDRESS_POLICY);
        assertThat(result.message()).startsWith("Refused: the host resolves to a loopback");
    }

    private static void answerOnce(ServerSocket server, String text) {
        try (Socket socket = server.accept()) {
            socket.getInputStream().readNBytes(1537);
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (Exception ignored) {
            // the probe hung up first: its result is what the test checks
        }
    }
}
