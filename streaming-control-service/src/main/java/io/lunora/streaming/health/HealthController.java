package io.lunora.streaming.health;

import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.support.security.Caller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/health/**}: the organization's media health in the specification's four views.
 * {@code ok}, {@code degraded} (running but something needs attention), {@code down} or
 * {@code idle} (nothing is streaming, nothing is wrong).
 */
@RestController
@RequestMapping("/api/health")
class HealthController {
    private final MediaBackend media;

    HealthController(MediaBackend media) {
        this.media = media;
    }

    record SourcesHealth(String status, String activeInput, List<ChannelStatus.InputHealth> inputs) {
    }

    record DestinationsHealth(String status, long live, long total, List<ChannelStatus.OutputStatus> destinations) {
    }

    record BackendHealth(String status, boolean reachable, boolean channelRunning) {
    }

    record OverallHealth(String status, SourcesHealth sources, DestinationsHealth destinations, BackendHealth medialive) {
    }

    @GetMapping("/sources")
    SourcesHealth sources(Caller caller) {
        return sources(channel(caller));
    }

    @GetMapping("/destinations")
    DestinationsHealth destinations(Caller caller) {
        return destinations(channel(caller));
    }

    /** Named after the specification's MediaLive; locally it is the media engine. */
    @GetMapping("/medialive")
    BackendHealth medialive(Caller caller) {
        return backend(channel(caller));
    }

    @GetMapping("/overall")
    OverallHealth overall(Caller caller) {
        ChannelStatus channel = channel(caller);
        SourcesHealth sources = sources(channel);
        DestinationsHealth destinations = destinations(channel);
        BackendHealth backend = backend(channel);
        String status = worst(List.of(sources.status(), destinations.status(), backend.status()));
        return new OverallHealth(status, sources, destinations, backend);
    }

    /** Null when the backend cannot be reached. */
    private ChannelStatus channel(Caller caller) {
        try {
            return media.status(caller.requireOrganization());
        } catch (RuntimeException unreachable) {
            return null;
        }
    }

    private static SourcesHealth sources(ChannelStatus channel) {
        if (channel == null) {
            return new SourcesHealth("down", null, List.of());
        }
        if (!channel.running()) {
            return new SourcesHealth("idle", null, channel.inputs());
        }
        long connected = channel.inputs().stream().filter(ChannelStatus.InputHealth::connected).count();
        boolean activeUp = channel.inputs().stream()
                .anyMatch(i -> i.input().equals(channel.activeInput()) && i.connected());
        String status = !activeUp ? "down" : connected < channel.inputs().size() ? "degraded" : "ok";
        return new SourcesHealth(status, channel.activeInput(), channel.inputs());
    }

    private static DestinationsHealth destinations(ChannelStatus channel) {
        if (channel == null) {
            return new DestinationsHealth("down", 0, 0, List.of());
        }
        List<ChannelStatus.OutputStatus> outputs = channel.outputs();
        long live = outputs.stream().filter(o -> "live".equals(o.state())).count();
        long failing = outputs.stream().filter(o -> "retrying".equals(o.state()) || "failed".equals(o.state())).count();
        String status = outputs.isEmpty() ? "idle" : failing > 0 ? "degraded" : "ok";
        return new DestinationsHealth(status, live, outputs.size(), outputs);
    }

    private static BackendHealth backend(ChannelStatus channel) {
        return channel == null ? new BackendHealth("down", false, false)
                : new BackendHealth(channel.running() ? "ok" : "idle", true, channel.running());
    }

    private static String worst(List<String> statuses) {
        for (String s : List.of("down", "degraded", "ok")) {
            if (statuses.contains(s)) {
                return s;
            }
        }
        return "idle";
    }
}
