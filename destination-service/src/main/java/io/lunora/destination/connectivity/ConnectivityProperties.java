package io.lunora.destination.connectivity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where destinations may point, and the connectivity test's settings.
 *
 * @param allowedPrivateHosts CIDRs a destination may point at (saved and tested) although they are
 *                       loopback or private (an admin's choice, e.g. an RTMP server in the studio LAN);
 *                       empty by default
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    timeout of each read during TLS, handshake and connect
 */
@ConfigurationProperties(prefix = "lunora.destinations")
public record ConnectivityProperties(List<String> allowedPrivateHosts, Duration connectTimeout, Duration readTimeout) {
    public ConnectivityProperties {
        allowedPrivateHosts = allowedPrivateHosts == null ? List.of() : List.copyOf(allowedPrivateHosts);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    }
}
