package io.lunora.engine.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.engine.EngineProperties;
import io.lunora.support.problem.ConflictException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class RelayPortsTest {

    @Test
    void shouldSkipAPortAnotherProgramHoldsAndGiveAllOrNone() throws SocketException {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int first = taken.getLocalPort();
            RelayPorts ports = new RelayPorts(new EngineProperties.Relay(first + "-" + (first + 2), "127.0.0.1"));

            assertThat(ports.take(2)).containsExactly(first + 1, first + 2);
            assertThatThrownBy(() -> ports.take(1)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("has 0 free");

            ports.release(first + 2);
            assertThatThrownBy(() -> ports.take(2)).isInstanceOf(ConflictException.class);
            assertThat(ports.take(1)).as("a refused request took nothing").containsExactly(first + 2);
        }
    }

    @Test
    void shouldReadARangeOrOnePortAndRefuseAnythingElse() {
        assertThat(new EngineProperties.Relay(null, null)).extracting(EngineProperties.Relay::firstPort,
                EngineProperties.Relay::lastPort, EngineProperties.Relay::bindAddress).containsExactly(10000, 10015, "0.0.0.0");
        assertThat(new EngineProperties.Relay("12000", null).lastPort()).isEqualTo(12000);
        for (String bad : new String[] {"80-90", "12000-11000", "12000-70000", "a-b", "12000,12001"}) {
            assertThatThrownBy(() -> new EngineProperties.Relay(bad, null)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
