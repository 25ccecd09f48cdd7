package io.lunora.streaming.media.medialive;

import io.lunora.model.preset.EncodingPreset;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.ChannelStatus.OutputStatus;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.media.OutputSpec;
import io.lunora.streaming.media.engine.RelayEngineClient;
import io.lunora.streaming.media.engine.RelayEngineClient.Ingest;
import io.lunora.streaming.media.engine.RelayEngineClient.Rendition;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * The fan-out tier behind the MediaLive channel: a media-engine in relay mode ingests one SRT
 * rendition per preset from the channel and runs one copy-only pusher per destination. Starting
 * or stopping a destination whose preset the channel carries is one relay call; the channel only
 * changes when a preset it does not carry yet is needed. Stream keys go to the relay, never to
 * MediaLive.
 *
 * <p>Relay output calls and the bookkeeping of which destinations are on the relay happen under one
 * lock, so a destination stopped while the channel is being rebuilt is never started afterwards.
 */
class RelayTier {
    private static final Logger log = LoggerFactory.getLogger(RelayTier.class);
    /** AES-256 on both ends: MediaLive encrypts every SRT output, with the passphrase the relay gets too. */
    static final int PBKEYLEN = 32;

    private final RelayEngineClient relay;
    private final SrtInputs secrets;
    private final RelaySettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, RelayRoute> carried = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> relayed = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    /** The session's SRT passphrase: generated once per session, stored where MediaLive reads it. */
    private record Session(String sessionId, String passphrase, String secretArn) {
        @Override
        public String toString() {
            return "Session[" + sessionId + "]";
        }
    }

    RelayTier(RelayEngineClient relay, SrtInputs secrets, RelaySettings settings) {
        this.relay = relay;
        this.secrets = secrets;
        this.settings = settings;
    }

    /**
     * Opens or widens the organization's relay for every rendition the channel must carry: those it
     * carries already (an idle rendition stays, so stopping a destination never changes the
     * channel) and those the wanted outputs use. Answers where the channel sends each one.
     */
    RelayRoute route(String org, String sessionId, Collection<OutputSpec> wanted) {
        Session session = sessions.get(org);
        if (session == null || !session.sessionId().equals(sessionId)) {
            String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
            session = new Session(sessionId, passphrase, secrets.passphraseSecret(org, "relay", passphrase));
            sessions.put(org, session);
            carried.remove(org);
        }
        Map<String, EncodingPreset> presets = new LinkedHashMap<>();
        RelayRoute before = carried.get(org);
        if (before != null) {
            before.renditions().forEach(r -> presets.put(r.preset().presetId(), r.preset()));
        }
        wanted.stream().sorted(Comparator.comparing(OutputSpec::destinationId))
                .forEach(o -> presets.putIfAbsent(o.preset().presetId(), o.preset()));
        // a session without destinations yet runs its channel for HLS alone: a relay takes no empty ingest
        Map<String, Integer> ports = presets.isEmpty() ? Map.of() : relay.open(org, new Ingest(sessionId,
                presets.keySet().stream().map(id -> new Rendition(id, settings.latencyMs())).toList(),
                session.passphrase(), PBKEYLEN));
        List<RelayRoute.Rendition> renditions = presets.values().stream().map(p -> {
            Integer port = ports.get(p.presetId());
            if (port == null) {
                throw new IllegalStateException("the relay opened no port for preset " + p.presetId());
            }
            return new RelayRoute.Rendition(p, port);
        }).toList();
        return new RelayRoute(settings.host(), settings.latencyMs(), session.secretArn(), renditions);
    }

    /** The channel now sends the route's renditions: the wanted destinations not on the relay yet go on it. */
    void carrying(String org, RelayRoute route, Supplier<Collection<OutputSpec>> wanted) {
        synchronized (lock) {
            carried.put(org, route);
            Set<String> on = relayed(org);
            for (OutputSpec output : wanted.get().stream().sorted(Comparator.comparing(OutputSpec::destinationId)).toList()) {
                if (!on.contains(output.destinationId()) && route.carries(output.preset().presetId())) {
                    relay.startOutput(org, output);
                    on.add(output.destinationId());
                }
            }
        }
    }

    /**
     * Starts the destination on the relay at once when the channel carries its preset; false when
     * the channel must change first. A relay that lost the rendition (409: it restarted) makes the
     * route be built again.
     */
    boolean startIfCarried(String org, OutputSpec output) {
        synchronized (lock) {
            RelayRoute route = carried.get(org);
            if (route == null || !route.carries(output.preset().presetId())) {
                return false;
            }
            try {
                relay.startOutput(org, output);
            } catch (HttpClientErrorException.Conflict lost) {
                log.warn("relay of {} lacks rendition {}: rebuilding its route", org, output.preset().presetId());
                carried.remove(org);
                relayed(org).clear();
                return false;
            }
            relayed(org).add(output.destinationId());
            return true;
        }
    }

    /** Stops the destination's pusher; the channel keeps sending the rendition (one idle MediaLive output). */
    void stopOutput(String org, String destinationId) {
        synchronized (lock) {
            try {
                relay.stopOutput(org, destinationId);
            } catch (HttpClientErrorException.NotFound absent) {
                // not on the relay (never started, or the relay restarted): nothing runs
            }
            relayed(org).remove(destinationId);
        }
    }

    /**
     * Stops the pushers, then the relay's ingest. A relay that cannot be reached must not keep the
     * channel running (it costs by the hour), so failures are logged and the caller goes on.
     */
    void stop(String org) {
        synchronized (lock) {
            try {
                for (String destinationId : relayed(org)) {
                    relay.stopOutput(org, destinationId);
                }
                relay.close(org);
            } catch (RestClientException e) {
                log.warn("relay of {} not closed: {}", org, e.getClass().getSimpleName());
            }
            relayed.remove(org);
            carried.remove(org);
            sessions.remove(org);
        }
    }

    /**
     * Outputs of a running channel take the relay's state and counters ({@code live},
     * {@code connecting}, {@code retrying}, {@code failed}); while the channel starts, cycles or was
     * refused, its own state stands, because no rendition reaches the relay then.
     */
    ChannelStatus merge(String org, ChannelStatus channel) {
        Map<String, OutputStatus> onRelay;
        String unreachable = null;
        try {
            onRelay = relay.status(org).outputs().stream()
                    .collect(Collectors.toMap(OutputStatus::destinationId, Function.identity(), (a, b) -> b));
        } catch (RestClientException e) {
            onRelay = Map.of();
            unreachable = "relay unreachable";
        }
        Map<String, OutputStatus> relayOutputs = onRelay;
        String error = unreachable;
        List<OutputStatus> outputs = channel.outputs().stream().map(o -> {
            if (!"live".equals(o.state())) {
                return o;
            }
            if (error != null) {
                return new OutputStatus(o.destinationId(), "retrying", 0, 0, error);
            }
            return relayOutputs.getOrDefault(o.destinationId(),
                    new OutputStatus(o.destinationId(), "connecting", 0, 0, null));
        }).toList();
        return new ChannelStatus(channel.running(), channel.activeInput(), channel.inputs(), outputs, channel.error());
    }

    /** The relay's output events; input switches are MediaLive's, so the relay's own are not passed on. */
    AutoCloseable subscribe(Consumer<MediaEvent> listener) {
        return relay.subscribe(event -> {
            if (event instanceof MediaEvent.OutputStateChanged) {
                listener.accept(event);
            }
        });
    }

    private Set<String> relayed(String org) {
        return relayed.computeIfAbsent(org, k -> ConcurrentHashMap.newKeySet());
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return bytes;
    }
}
