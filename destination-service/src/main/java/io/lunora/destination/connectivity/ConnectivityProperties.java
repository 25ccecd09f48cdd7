package io.lunora.destination.connectivity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The connectivity test's settings.
 *
 * @param testAllowList  CIDRs the test may reach although they are loopback or private (an admin's
 *                       choice, e.g. an RTMP server in the studio LAN); empty by default
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    timeout of each read during TLS, handshake and connect
 */
@ConfigurationProperties(prefix = "lunora.destinations")
public record ConnectivityProperties(List<String> testAllowList, Duration connectTimeout, Duration readTimeout) {
    public ConnectivityProperties {
        testAllowList = testAllowList == null ? List.of() : List.copyOf(testAllowList);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }
}
