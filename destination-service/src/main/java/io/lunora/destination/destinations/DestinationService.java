package io.lunora.destination.destinations;

import io.lunora.destination.connectivity.ProbeResult;
import io.lunora.destination.connectivity.RtmpProbe;
import io.lunora.destination.keys.StreamKeys;
import io.lunora.destination.keys.StreamKeys.StoredKey;
import io.lunora.support.problem.FieldErrors;
import io.lunora.model.destination.DestinationTarget;
import io.lunora.model.destination.PresetUsage;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The destination use cases of one organization. Stream keys go to the secret store only.
 * Through the API an operator reaches only the destinations they created, an admin all of the
 * organization ({@link Caller#mayAccess}); another's destination is "not found", so ids cannot be
 * probed. The internal reads (streaming control) see the whole organization and carry the owner.
 */
@Service
public class DestinationService {
    private static final Logger log = LoggerFactory.getLogger(DestinationService.class);

    private final DestinationStore store;
    private final StreamKeys keys;
    private final RtmpProbe probe;
    private final DestinationHosts hosts;

    DestinationService(DestinationStore store, StreamKeys keys, RtmpProbe probe, DestinationHosts hosts) {
        this.store = store;
        this.keys = keys;
        this.probe = probe;
        this.hosts = hosts;
    }

    /** The destinations the caller may see, by name. */
    public List<Destination> list(Caller caller) {
        return sorted(store.list(caller.requireOrganization()).stream().filter(d -> caller.mayAccess(d.userId())));
    }

    private static List<Destination> sorted(Stream<Destination> destinations) {
        return destinations.sorted(Comparator.comparing(Destination::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Destination::destinationId))
                .toList();
    }

    /** The destination if the caller may see it; else 404, whether it exists or not. */
    public Destination get(Caller caller, String destinationId) {
        return store.find(caller.requireOrganization(), destinationId).filter(d -> caller.mayAccess(d.userId()))
                .orElseThrow(() -> new NotFoundException("destination", destinationId));
    }

    /** Owned by the caller: the token's subject is recorded as the destination's {@code user_id}. */
    public Destination create(Caller caller, DestinationRequest request) {
        String organizationId = caller.requireOrganization();
        String userId = caller.userId();
        DestinationRequest r = DestinationValidator.check(request, false, new FieldErrors());
        hosts.check(r.rtmpUrl());
        String id = "dest-" + UUID.randomUUID();
        StoredKey key = r.streamKey() == null ? null : keys.store(r.platform(), id, r.streamKey());
        String now = Instant.now().toString();
        Destination destination = new Destination(id, organizationId, userId, r.name(), r.platform(), r.rtmpUrl(),
                key == null ? null : key.name(), key == null ? null : key.masked(), r.presetId(),
                orDefault(r.enabled(), true), orDefault(r.autoStart(), false), orDefault(r.recordingBackup(), false),
                orDefault(r.priority(), false), null, now, now);
        try {
            Destination created = store.create(destination);
            log.info("Destination {} created in organization {} (platform {}, key {})", id, organizationId,
                    r.platform(), key == null ? "none" : "stored");
            return created;
        } catch (RuntimeException e) {
            keys.delete(key == null ? null : key.name()); // no orphan secret for a row that was not written
            throw e;
        }
    }

    public Destination update(Caller caller, String destinationId, DestinationRequest request) {
        Destination current = get(caller, destinationId);
        String organizationId = current.organizationId();
        DestinationRequest r = DestinationValidator.check(request, true, new FieldErrors());
        hosts.check(r.rtmpUrl());
        requireVersion(current, r.version());
        String param = current.streamKeyParam();
        String masked = current.streamKeyMasked();
        StoredKey written = null;
        if (r.streamKey() != null) {
            written = keys.storeRevision(r.platform(), destinationId, r.streamKey());
        } else if (param != null && !r.platform().equals(current.platform())) {
            written = keys.copyRevision(param, r.platform(), destinationId);
        }
        if (written != null) {
            param = written.name();
            masked = written.masked();
        }
        Destination next = new Destination(destinationId, organizationId, current.userId(), r.name(),
                r.platform(), r.rtmpUrl(), param, masked, r.presetId(), orDefault(r.enabled(), current.enabled()),
                orDefault(r.autoStart(), current.autoStart()), orDefault(r.recordingBackup(), current.recordingBackup()),
                orDefault(r.priority(), current.priority()), r.version(), current.createdAt(), Instant.now().toString());
        Destination updated = writeWithKey(next, current, written);
        log.info("Destination {} updated to version {}", destinationId, updated.version());
        return updated;
    }

    /**
     * The conditional row write, then the keys: a replaced key is deleted only after the write won,
     * a key written for a losing write (409) is deleted instead, so the stored key is always the winner's.
     */
    private Destination writeWithKey(Destination next, Destination current, StoredKey written) {
        Destination updated;
        try {
            updated = store.update(next);
        } catch (RuntimeException lost) {
            keys.delete(written == null ? null : written.name());
            throw lost;
        }
        if (written != null && current.streamKeyParam() != null && !current.streamKeyParam().equals(written.name())) {
            keys.delete(current.streamKeyParam());
        }
        return updated;
    }

    /** Replaces the key; the version is checked when given, else the current one is used. */
    public Destination rotateKey(Caller caller, String destinationId, String newKey, Long version) {
        Destination current = get(caller, destinationId);
        FieldErrors errors = new FieldErrors();
        DestinationValidator.checkStreamKey(newKey, errors);
        errors.throwIfAny();
        if (version != null) {
            requireVersion(current, version);
        }
        Destination expected = version == null ? current : withVersion(current, version);
        StoredKey key = keys.storeRevision(current.platform(), destinationId, newKey);
        Destination updated = writeWithKey(expected.withKey(key.name(), key.masked(), Instant.now().toString()),
                current, key);
        log.info("Stream key of destination {} rotated", destinationId);
        return updated;
    }

    public void delete(Caller caller, String destinationId, Long version) {
        Destination current = get(caller, destinationId);
        String organizationId = current.organizationId();
        store.delete(organizationId, destinationId, version);
        keys.delete(current.streamKeyParam());
        log.info("Destination {} deleted from organization {}", destinationId, organizationId);
    }

    public ProbeResult test(Caller caller, String destinationId) {
        Destination destination = get(caller, destinationId);
        ProbeResult result = probe.probe(destination.rtmpUrl());
        log.info("Connectivity test of destination {}: {} {} in {} ms", destinationId,
                result.reachable() ? "reachable" : "failed at", result.reachable() ? "" : result.failedStep(),
                result.durationMs());
        return result;
    }

    /** For the streaming control service only: the destination with its key. */
    public DestinationTarget target(String organizationId, String destinationId) {
        return toTarget(store.find(organizationId, destinationId)
                .orElseThrow(() -> new NotFoundException("destination", destinationId)));
    }

    /** Every owner's: streaming control keeps those its caller may use. */
    public List<DestinationTarget> autoStartTargets(String organizationId) {
        return sorted(store.list(organizationId).stream()).stream().filter(d -> d.enabled() && d.autoStart())
                .map(this::toTarget).toList();
    }

    public PresetUsage presetUsage(String organizationId, String presetId) {
        return new PresetUsage(presetId, organizationId, store.list(organizationId).stream()
                .filter(d -> presetId.equals(d.presetId())).map(Destination::destinationId).sorted().toList());
    }

    private DestinationTarget toTarget(Destination d) {
        String key = keys.read(d.streamKeyParam()).orElse(null);
        return new DestinationTarget(d.destinationId(), d.organizationId(), d.name(), d.platform(), d.rtmpUrl(), key,
                d.presetId(), d.enabled(), d.autoStart(), d.recordingBackup(), d.priority(), d.userId());
    }

    private static Destination withVersion(Destination d, long version) {
        return new Destination(d.destinationId(), d.organizationId(), d.userId(), d.name(), d.platform(), d.rtmpUrl(),
                d.streamKeyParam(), d.streamKeyMasked(), d.presetId(), d.enabled(), d.autoStart(), d.recordingBackup(),
                d.priority(), version, d.createdAt(), d.updatedAt());
    }

    /** Checked before the secret store is touched, so a stale write changes no key; the write itself checks again. */
    private static void requireVersion(Destination current, Long version) {
        if (!version.equals(current.version())) {
            throw new ConflictException("The destination was changed since you read it. Reload it and apply your "
                    + "change again.");
        }
    }

    private static boolean orDefault(Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }
}
