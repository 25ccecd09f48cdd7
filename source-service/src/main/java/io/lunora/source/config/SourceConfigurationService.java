package io.lunora.source.config;

import io.lunora.source.config.SourceConfiguration.FailbackPolicy;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.secrets.SecretNames;
import io.lunora.support.secrets.SecretStore;
import io.lunora.support.security.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Reads and changes an organization's source configuration. Passphrases go to the secret store
 * under a fresh parameter per save; the old parameter is deleted only once the new configuration
 * is stored, so a failed save (bad input, stale version) changes nothing.
 */
@Service
public class SourceConfigurationService {
    public static final String DEFAULT_CONFIG_ID = "default";
    private static final Set<Integer> KEY_LENGTHS = Set.of(16, 24, 32);

    private final SourceConfigurationStore store;
    private final SecretStore secrets;
    private final Clock clock;

    public SourceConfigurationService(SourceConfigurationStore store, SecretStore secrets, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The organization's configuration, or the defaults (not stored, version null) when it has none. */
    public SourceConfiguration current(String organizationId) {
        return store.findDefault(organizationId).orElseGet(() -> defaults(organizationId));
    }

    /** The organizations whose inputs the media plane keeps warm: those that saved a configuration. */
    public List<String> configuredOrganizations() {
        return store.organizationsWithDefault();
    }

    public SourceConfiguration update(Caller caller, SourceConfigurationRequest request) {
        String org = caller.requireOrganization();
        RedundancyMode mode = RedundancyMode.of(request.redundancyMode());
        checkSources(mode, request);
        SourceConfiguration existing = store.findDefault(org).orElse(null);
        if (existing != null && request.version() == null) {
            throw new InvalidFieldException("version", "is required: send the version you read");
        }
        if (existing == null && request.version() != null) {
            throw new ConflictException("The configuration was removed or never existed; reload it.");
        }
        List<String> written = new ArrayList<>();
        try {
            SrtSource primary = source(request.primarySource(), "videon-a",
                    existing == null ? null : existing.primarySource(), written);
            SrtSource secondary = request.secondarySource() == null ? null : source(request.secondarySource(),
                    "videon-b", existing == null ? null : existing.secondarySource(), written);
            SourceConfiguration saved = store.save(new SourceConfiguration(org, DEFAULT_CONFIG_ID, request.name(), true,
                    mode, request.failoverThreshold(), request.healthCheckInterval(),
                    "return_to_primary".equals(request.failback()) ? FailbackPolicy.RETURN_TO_PRIMARY : FailbackPolicy.STAY,
                    request.failbackAfter() == null ? 30 : request.failbackAfter(), primary, secondary,
                    clock.instant(), caller.username(), request.version()));
            written.clear();
            if (existing != null) {
                deleteReplaced(existing.primarySource(), saved.primarySource());
                deleteReplaced(existing.secondarySource(), saved.secondarySource());
            }
            return saved;
        } finally {
            written.forEach(secrets::delete); // only non-empty when the save failed
        }
    }

    /** The passphrase of a stored source, for the media engine only. */
    public String passphraseOf(SrtSource source) {
        return source.passphraseParameter() == null ? null : secrets.get(source.passphraseParameter()).orElse(null);
    }

    private SrtSource source(SourceConfigurationRequest.Source s, String secretSource, SrtSource previous,
            List<String> written) {
        String parameter = previous == null ? null : previous.passphraseParameter();
        if (Boolean.TRUE.equals(s.removePassphrase())) {
            parameter = null;
        } else if (s.passphrase() != null) {
            parameter = SecretNames.sourceSrtConfig(secretSource, UUID.randomUUID().toString());
            secrets.put(parameter, s.passphrase());
            written.add(parameter);
        }
        Integer pbkeylen = parameter == null ? null : s.pbkeylen() == null ? Integer.valueOf(16) : s.pbkeylen();
        return new SrtSource(s.name(), SrtMode.of(s.mode()), s.host() == null ? "0.0.0.0" : s.host(), s.port(),
                s.latencyMs() == null ? 200 : s.latencyMs(), pbkeylen, s.streamId(), parameter);
    }

    private void checkSources(RedundancyMode mode, SourceConfigurationRequest r) {
        checkSource("primary_source", r.primarySource());
        if (mode.needsSecondary() && r.secondarySource() == null) {
            throw new InvalidFieldException("secondary_source", "is required in " + mode.value() + " mode");
        }
        if (r.secondarySource() != null) {
            checkSource("secondary_source", r.secondarySource());
            if (r.primarySource().mode().equals("listener") && r.secondarySource().mode().equals("listener")
                    && Objects.equals(r.primarySource().port(), r.secondarySource().port())) {
                throw new InvalidFieldException("secondary_source.port", "must differ from the primary's listener port");
            }
        }
    }

    private static void checkSource(String field, SourceConfigurationRequest.Source s) {
        if ("caller".equals(s.mode()) && (s.host() == null || s.host().isBlank())) {
            throw new InvalidFieldException(field + ".host", "is required in caller mode: the encoder's address");
        }
        if (s.pbkeylen() != null && !KEY_LENGTHS.contains(s.pbkeylen())) {
            throw new InvalidFieldException(field + ".pbkeylen", "must be 16, 24 or 32");
        }
        if (s.passphrase() != null && Boolean.TRUE.equals(s.removePassphrase())) {
            throw new InvalidFieldException(field + ".remove_passphrase", "cannot be set together with a new passphrase");
        }
    }

    private void deleteReplaced(SrtSource before, SrtSource after) {
        if (before != null && before.passphraseParameter() != null
                && (after == null || !before.passphraseParameter().equals(after.passphraseParameter()))) {
            secrets.delete(before.passphraseParameter());
        }
    }

    private SourceConfiguration defaults(String org) {
        return new SourceConfiguration(org, DEFAULT_CONFIG_ID, "Default", true, RedundancyMode.AUTO_FAILOVER, 5, 10,
                FailbackPolicy.STAY, 30,
                new SrtSource("Videon A", SrtMode.LISTENER, "0.0.0.0", 9998, 200, null, null, null),
                new SrtSource("Videon B", SrtMode.LISTENER, "0.0.0.0", 9999, 200, null, null, null),
                clock.instant(), null, null);
    }
}
