package io.lunora.streaming.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One streaming session (the StreamSessions table): who started it, the source configuration it
 * used, its destinations with their state and counters, every failover and every error.
 */
public record StreamSession(String organizationId, String sessionId, String startedBy, Instant startTime,
        Instant endTime, SessionStatus status, SourceSnapshot sourceConfig, List<Destination> destinations,
        List<FailoverEvent> failoverEvents, List<SessionError> errors, boolean recording, Instant stopDeadline,
        String streamId, Long version) {

    /** Lists kept in the item are bounded so a long session cannot outgrow DynamoDB's 400 KB item limit. */
    public static final int MAX_EVENTS = 200;

    public StreamSession {
        destinations = List.copyOf(destinations);
        failoverEvents = List.copyOf(failoverEvents);
        errors = List.copyOf(errors);
    }

    /** The source settings in force when the session started (no secrets). */
    public record SourceSnapshot(String redundancyMode, int failoverThreshold, String primaryName,
            String secondaryName, String activeInput) {
    }

    /** One destination in the session. */
    public record Destination(String destinationId, String name, String platform, String presetId,
            OutputState state, boolean wanted, Instant startedAt, Instant stoppedAt, long bytesSent,
            int bitrateKbps, String lastError) {

        /** The operator wants it pushed again: connecting until the backend says otherwise. */
        public Destination withStarted(Instant at) {
            return new Destination(destinationId, name, platform, presetId, OutputState.CONNECTING, true, at, null,
                    bytesSent, bitrateKbps, null);
        }

        public Destination withStopped(Instant at) {
            return new Destination(destinationId, name, platform, presetId, OutputState.STOPPED, false, startedAt, at,
                    bytesSent, 0, lastError);
        }

        /** A state reported by the backend; a stopped destination stays stopped whatever arrives late. */
        public Destination withState(OutputState reported, String error) {
            OutputState state = wanted ? reported : OutputState.STOPPED;
            return new Destination(destinationId, name, platform, presetId, state, wanted, startedAt, stoppedAt,
                    bytesSent, state == OutputState.LIVE ? bitrateKbps : 0, error == null ? lastError : error);
        }

        /** Counters reported by the backend. */
        public Destination withCounters(long bytes, int kbps) {
            return new Destination(destinationId, name, platform, presetId, state, wanted, startedAt, stoppedAt,
                    bytes, kbps, lastError);
        }
    }

    public record FailoverEvent(Instant time, String from, String to, String reason) {
    }

    public record SessionError(Instant time, String destinationId, String message) {
    }

    /**
     * How many times the program changed source: a change between the real inputs, the slate in
     * between ignored. One outage (primary → slate → secondary) is one failover; a primary that
     * comes back after the slate (primary → slate → primary) is none.
     */
    public int failoverCount() {
        int count = 0;
        String onAir = null;
        for (FailoverEvent e : failoverEvents) {
            if (onAir == null && isInput(e.from())) {
                onAir = e.from();
            }
            if (isInput(e.to())) {
                if (onAir != null && !onAir.equals(e.to())) {
                    count++;
                }
                onAir = e.to();
            }
        }
        return count;
    }

    private static boolean isInput(String name) {
        return name != null && !"slate".equals(name);
    }

    public Optional<Destination> destination(String destinationId) {
        return destinations.stream().filter(d -> d.destinationId().equals(destinationId)).findFirst();
    }

    public Duration duration(Instant now) {
        return Duration.between(startTime, endTime == null ? now : endTime);
    }

    public List<String> activeDestinationIds() {
        return destinations.stream().filter(Destination::wanted).map(Destination::destinationId).toList();
    }

    public StreamSession withStatus(SessionStatus newStatus, Instant at) {
        return new StreamSession(organizationId, sessionId, startedBy, startTime,
                newStatus.isOpen() ? endTime : at, newStatus, sourceConfig, destinations, failoverEvents, errors,
                recording, stopDeadline, streamId, version);
    }

    public StreamSession withDestination(Destination changed) {
        List<Destination> list = new ArrayList<>();
        boolean replaced = false;
        for (Destination d : destinations) {
            if (d.destinationId().equals(changed.destinationId())) {
                list.add(changed);
                replaced = true;
            } else {
                list.add(d);
            }
        }
        if (!replaced) {
            list.add(changed);
        }
        return new StreamSession(organizationId, sessionId, startedBy, startTime, endTime, status, sourceConfig,
                list, failoverEvents, errors, recording, stopDeadline, streamId, version);
    }

    /** The input on air changed without a failover (the program's first input going on air). */
    public StreamSession withActiveInput(String input) {
        return new StreamSession(organizationId, sessionId, startedBy, startTime, endTime, status,
                new SourceSnapshot(sourceConfig.redundancyMode(), sourceConfig.failoverThreshold(),
                        sourceConfig.primaryName(), sourceConfig.secondaryName(), input),
                destinations, failoverEvents, errors, recording, stopDeadline, streamId, version);
    }

    public StreamSession withFailover(FailoverEvent event) {
        return new StreamSession(organizationId, sessionId, startedBy, startTime, endTime, status,
                new SourceSnapshot(sourceConfig.redundancyMode(), sourceConfig.failoverThreshold(),
                        sourceConfig.primaryName(), sourceConfig.secondaryName(), event.to()),
                destinations, bounded(failoverEvents, event), errors, recording, stopDeadline, streamId, version);
    }

    public StreamSession withError(SessionError error) {
        return new StreamSession(organizationId, sessionId, startedBy, startTime, endTime, status, sourceConfig,
                destinations, failoverEvents, bounded(errors, error), recording, stopDeadline, streamId, version);
    }

    private static <T> List<T> bounded(List<T> list, T added) {
        List<T> copy = new ArrayList<>(list);
        copy.add(added);
        return copy.size() > MAX_EVENTS ? copy.subList(copy.size() - MAX_EVENTS, copy.size()) : copy;
    }
}
