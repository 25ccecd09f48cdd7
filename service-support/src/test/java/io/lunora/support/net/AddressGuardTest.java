package io.lunora.support.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {
    final AddressGuard guard = new AddressGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]", "::1", "localhost", "0.0.0.0",
            "172.16.0.1", "192.168.1.10", "100.64.0.1", "fd00:ec2::254", "fe80::1", "fc00::1", "::ffff:127.0.0.1",
            "[::ffff:10.0.0.1]", "224.0.0.1", "::"})
    void shouldRefuseInternalAddressesAndNamesResolvingToThem(String host) {
        assertThatThrownBy(() -> guard.vet(host)).isInstanceOf(AddressGuard.RefusedException.class)
                .hasMessageContaining("allow-list");
    }

    @Test
    void shouldLetPublicAddressesThrough() throws Exception {
        assertThat(guard.vet("8.8.8.8").getHostAddress()).isEqualTo("8.8.8.8");
        assertThat(guard.vet("[2001:4860:4860::8888]").getHostAddress()).isEqualTo("2001:4860:4860:0:0:0:0:8888");
    }

    @Test
    void shouldPermitOnlyWhatTheAllowListNames() throws Exception {
        AddressGuard allowing = new AddressGuard(List.of("127.0.0.2/32", "10.1.0.0/16"));

        assertThat(allowing.vet("127.0.0.2").getHostAddress()).isEqualTo("127.0.0.2");
        assertThat(allowing.vet("10.1.200.3").getHostAddress()).isEqualTo("10.1.200.3");
        assertThatThrownBy(() -> allowing.vet("127.0.0.1")).isInstanceOf(AddressGuard.RefusedException.class);
        assertThatThrownBy(() -> allowing.vet("10.2.0.1")).isInstanceOf(AddressGuard.RefusedException.class);
        assertThatThrownBy(() -> allowing.vet("169.254.169.254")).isInstanceOf(AddressGuard.RefusedException.class);
    }

    @Test
    void shouldRejectAnAllowListEntryThatIsNotAnAddressBlock() {
        assertThatThrownBy(() -> new AddressGuard(List.of("example.com/8"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressGuard(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
