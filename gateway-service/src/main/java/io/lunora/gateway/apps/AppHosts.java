package io.lunora.gateway.apps;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The web apps that have a host of their own ({@code lunora.web.hosts}). Matched on the host name
 * of the request (its port does not count), so any other host is served by path exactly as
 * without hosts.
 */
final class AppHosts {
    private final Map<String, String> hostByApp;
    private final Map<String, String> appByHost = new HashMap<>();

    AppHosts(Map<String, String> hostByApp) {
        this.hostByApp = Map.copyOf(hostByApp);
        hostByApp.forEach((app, host) -> {
            if (!WebAppRoutes.APPS.contains(app)) {
                throw new IllegalArgumentException("lunora.web.hosts." + app + ": no such web app, one of " + WebAppRoutes.APPS);
            }
            String other = appByHost.put(host, app);
            if (other != null) {
                throw new IllegalArgumentException("lunora.web.hosts: " + other + " and " + app + " share the host " + host);
            }
        });
    }

    /** The app whose host the request was sent to. */
    Optional<String> appAt(ServerRequest request) {
        String host = request.uri().getHost();
        return host == null ? Optional.empty() : Optional.ofNullable(appByHost.get(host.toLowerCase(Locale.ROOT)));
    }

    Optional<String> hostOf(String app) {
        return Optional.ofNullable(hostByApp.get(app));
    }
}
