package io.lunora.streaming.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One streaming session (the StreamSessions table): who started it, the source configuration it
 * used, its destinations with their wanted state and final counters, its input switches counted
 * (every switch itself lives in the {@link SwitchEventStore}, only the latest few here) and its errors.
 *
 * @param startedBy      the username of who started it, as shown
 * @param startedById    the {@code sub} of who started it: its owner; null for a session started before
 *                       owners were recorded (then only admins see it)
 * @param recentSwitches the latest {@value #RECENT_SWITCHES} input switches, oldest first
 */
public record StreamSession(String organizationId, String sessionId, String startedBy, String startedById,
        Instant startTime,
        Instant endTime, SessionStatus status, SourceSnapshot sourceConfig, List<Destination> destinations,
        SwitchCounts switchCounts, List<FailoverEvent> recentSwitches, List<SessionError> errors, boolean recording,
        Instant stopDeadline, String streamId, Long version) {

    /** Lists kept in the session are bounded so that no session can outgrow DynamoDB's 400 KB item limit. */
    public static final int RECENT_SWITCHES = 10;
    public static final int MAX_ERRORS = 50;

    public StreamSession {
        destinations = List.copyOf(destinations);
        switchCounts = switchCounts == null ? SwitchCounts.NONE : switchCounts;
        recentSwitches = List.copyOf(recentSwitches);
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
        return new StreamSession(organizationId, sessionId, startedBy, startedById, startTime,
                newStatus.isOpen() ? endTime : at, newStatus, sourceConfig, destinations, switchCounts, recentSwitches,
                errors, recording, stopDeadline, streamId, version);
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
        return new StreamSession(organizationId, sessionId, startedBy, startedById, startTime, endTime, status, sourceConfig,
                list, switchCounts, recentSwitches, errors, recording, stopDeadline, streamId, version);
    }

    /** The input on air changed without a failover (the program's first input going on air). */
    public StreamSession withActiveInput(String input) {
        return new StreamSession(organizationId, sessionId, startedBy, startedById, startTime, endTime, status,
                new SourceSnapshot(sourceConfig.redundancyMode(), sourceConfig.failoverThreshold(),
                        sourceConfig.primaryName(), sourceConfig.secondaryName(), input),
                destinations, switchCounts, recentSwitches, errors, recording, stopDeadline, streamId, version);
    }

    /** An input switch recorded: counted, kept among the recent ones, its target now on air. */
    public StreamSession withSwitch(FailoverEvent event) {
        return new StreamSession(organizationId, sessionId, startedBy, startedById, startTime, endTime, status,
                new SourceSnapshot(sourceConfig.redundancyMode(), sourceConfig.failoverThreshold(),
                        sourceConfig.primaryName(), sourceConfig.secondaryName(), event.to()),
                destinations, switchCounts.after(event), bounded(recentSwitches, event, RECENT_SWITCHES), errors,
                recording, stopDeadline, streamId, version);
    }

    public StreamSession withError(SessionError error) {
        return new StreamSession(organizationId, sessionId, startedBy, startedById, startTime, endTime, status, sourceConfig,
                destinations, switchCounts, recentSwitches, bounded(errors, error, MAX_ERRORS), recording, stopDeadline,
                streamId, version);
    }

    private static <T> List<T> bounded(List<T> list, T added, int max) {
        List<T> copy = new ArrayList<>(list);
        copy.add(added);
        return copy.size() > max ? copy.subList(copy.size() - max, copy.size()) : copy;
    }
}
