package io.lunora.viewer.viewing;

import io.lunora.model.viewer.AccessLevel;
import io.lunora.model.viewer.PlaybackTokens.Grant;
import io.lunora.model.viewer.PlaybackTokens;
import io.lunora.model.viewer.Quality;
import io.lunora.model.viewer.ViewerTier;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import io.lunora.viewer.Timestamps;
import io.lunora.viewer.ViewerProperties;
import io.lunora.viewer.catalog.CatalogEntry;
import io.lunora.viewer.catalog.CatalogService;
import io.lunora.viewer.profile.LibrarySet;
import io.lunora.viewer.profile.ProfileService;
import io.lunora.viewer.subscription.TierResolver;
import io.lunora.viewer.web.ForbiddenException;
import io.lunora.viewer.web.Visitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Starting, following and ending a viewing session. Starting checks the caller's tier against the
 * entry's access level and signs a playback token for that stream and tier; anonymous viewers get
 * a token for public streams but no session (no history for them). A token for a stream above
 * public is bound to the viewer's {@code sub}: the gateway plays it only with that viewer's access
 * token, so a copied URL plays for nobody else.
 */
@Service
public class ViewingService {
    /** Free viewers keep a limited history (specification: "limited viewing history"). */
    static final Duration FREE_HISTORY = Duration.ofDays(30);

    private final CatalogService catalog;
    private final TierResolver tiers;
    private final PlaybackTokens tokens;
    private final ViewingStore store;
    private final ProfileService profiles;
    private final ApplicationEventPublisher events;
    private final ViewerCounts viewerCounts;
    private final Clock clock;
    private final Duration tokenTtl;

    ViewingService(CatalogService catalog, TierResolver tiers, PlaybackTokens tokens, ViewingStore store,
            ProfileService profiles, ApplicationEventPublisher events, ViewerCounts viewerCounts, Clock clock,
            ViewerProperties properties) {
        this.catalog = catalog;
        this.tiers = tiers;
        this.tokens = tokens;
        this.store = store;
        this.profiles = profiles;
        this.events = events;
        this.viewerCounts = viewerCounts;
        this.clock = clock;
        this.tokenTtl = properties.playbackTokenTtl();
    }

    public Playback start(Visitor visitor, String streamId, String deviceType, String requestedQuality) {
        CatalogEntry entry = catalog.visibleEntry(visitor, streamId);
        if (!entry.isLive() || entry.hlsUrl() == null) {
            throw new ConflictException("The stream is not live" + (entry.scheduledStart() == null ? "."
                    : "; it is scheduled to start at " + entry.scheduledStart() + "."));
        }
        ViewerTier tier = tiers.tierOf(visitor);
        requireAccess(tier, entry);
        Quality quality = grantedQuality(tier, requestedQuality);
        Instant now = Instant.now(clock);
        String sessionId = null;
        if (visitor.caller().isPresent()) {
            Caller caller = visitor.caller().get();
            profiles.ensure(caller);
            sessionId = Timestamps.sortable(now) + "#v" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            store.start(new ViewingSession(caller.userId(), sessionId, streamId, entry.category(), Timestamps.sortable(now),
                    Timestamps.sortable(now), null, 0, quality.wireValue(), deviceType, null, 0));
            viewerCounts.refresh(entry);
        }
        return playback(sessionId, entry, visitor.caller(), tier, quality, 0, now);
    }

    public Playback progress(Caller caller, String sessionId, long durationWatched, String requestedQuality) {
        ViewingSession session = openSession(caller, sessionId);
        CatalogEntry entry = catalog.visibleEntry(new Visitor(java.util.Optional.of(caller)), session.streamId());
        ViewerTier tier = tiers.tierOf(caller);
        requireAccess(tier, entry);
        Quality quality = grantedQuality(tier, requestedQuality == null ? session.qualityLevel() : requestedQuality);
        long duration = Math.max(durationWatched, session.durationWatched());
        Instant now = Instant.now(clock);
        store.progress(caller.userId(), sessionId, duration, quality.wireValue(), Timestamps.sortable(now));
        return playback(sessionId, entry, Optional.of(caller), tier, quality, duration, now);
    }

    public ViewingSession end(Caller caller, String sessionId, Long durationWatched, String exitReason) {
        ViewingSession session = openSession(caller, sessionId);
        long duration = Math.max(durationWatched == null ? 0 : durationWatched, session.durationWatched());
        long score = engagementScore(duration);
        Instant now = Instant.now(clock);
        store.end(caller.userId(), sessionId, duration, exitReason, score, Timestamps.sortable(now));
        events.publishEvent(new ViewingEnded(caller.userId(), now, duration, session.category(), session.deviceType(),
                session.streamId()));
        if (!profiles.ensure(caller).viewingPreferences().saveHistory()) {
            store.delete(caller.userId(), sessionId);
        }
        catalog.findEntry(session.streamId()).ifPresent(viewerCounts::refresh);
        return store.find(caller.userId(), sessionId).orElse(new ViewingSession(caller.userId(), sessionId,
                session.streamId(), session.category(), session.startedAt(), Timestamps.sortable(now),
                Timestamps.sortable(now), duration, session.qualityLevel(), session.deviceType(), exitReason, score));
    }

    public List<HistoryEntry> history(Caller caller, int limit) {
        if (!profiles.ensure(caller).viewingPreferences().saveHistory()) {
            return List.of();
        }
        ViewerTier tier = tiers.tierOf(caller);
        Instant since = tier == ViewerTier.FREE ? Instant.now(clock).minus(FREE_HISTORY) : Instant.EPOCH;
        Map<String, String> titles = new java.util.HashMap<>();
        return store.history(caller.userId(), Timestamps.sortable(since), limit).stream()
                .map(v -> HistoryEntry.of(v, titles.computeIfAbsent(v.streamId(),
                        id -> catalog.findEntry(id).map(CatalogEntry::title).orElse(null))))
                .toList();
    }

    /** Saves or unsaves a stream in the viewer's library; idempotent. */
    public LibraryChange save(Caller caller, String streamId, boolean saved) {
        catalog.visibleEntry(new Visitor(java.util.Optional.of(caller)), streamId);
        boolean changed = profiles.setMember(caller, LibrarySet.SAVED, streamId, saved);
        return new LibraryChange(streamId, saved, changed);
    }

    private ViewingSession openSession(Caller caller, String sessionId) {
        ViewingSession session = store.find(caller.userId(), sessionId)
                .orElseThrow(() -> new NotFoundException("viewing session", sessionId));
        if (session.endedAt() != null) {
            throw new ConflictException("The viewing session has ended.");
        }
        return session;
    }

    private static void requireAccess(ViewerTier tier, CatalogEntry entry) {
        AccessLevel level = AccessLevel.fromWireValue(entry.accessLevel()).orElse(AccessLevel.VIP);
        if (!tier.canWatch(level)) {
            throw new ForbiddenException("This stream is " + level.wireValue() + " content; your tier ("
                    + tier.wireValue() + ") does not include it. Sign in or upgrade your plan to watch it.");
        }
    }

    /** The requested quality, capped by the tier ({@code auto} or nothing means the cap). */
    static Quality grantedQuality(ViewerTier tier, String requested) {
        Quality cap = tier.quality();
        if (requested == null || "auto".equals(requested)) {
            return cap;
        }
        Quality wanted = Quality.valueOf(requested.toUpperCase(java.util.Locale.ROOT));
        return wanted.compareTo(cap) <= 0 ? wanted : cap;
    }

    /** One point per 36 seconds watched, 100 at an hour. */
    static long engagementScore(long seconds) {
        return Math.min(100, seconds / 36);
    }

    private Playback playback(String sessionId, CatalogEntry entry, Optional<Caller> caller, ViewerTier tier,
            Quality quality, long duration, Instant now) {
        Instant expires = now.plus(tokenTtl);
        String token = tokens.issue(new Grant(entry.streamId(), tier, expires, boundViewer(entry, caller)));
        return new Playback(sessionId, entry.streamId(), entry.accessLevel(), tier.wireValue(), quality.wireValue(),
                tier.quality().wireValue(), tier.quality().maxHeight(), playbackUrl(token, entry), token,
                expires.toString(), duration);
    }

    /**
     * The viewer a token is bound to: the caller for a stream above public (requireAccess has let
     * only callers through to those); nobody for a public stream, which anyone may play.
     */
    private static String boundViewer(CatalogEntry entry, Optional<Caller> caller) {
        AccessLevel level = AccessLevel.fromWireValue(entry.accessLevel()).orElse(AccessLevel.VIP);
        return level == AccessLevel.PUBLIC ? null : caller.map(Caller::userId)
                .orElseThrow(() -> new IllegalStateException("a stream above public needs a signed-in viewer"));
    }

    /**
     * {@code /hls/t/{token}/{stream_id}/{playlist}}: the token is a path segment so that the
     * player's relative variant and segment URLs carry it too (the gateway checks it on each).
     */
    static String playbackUrl(String token, CatalogEntry entry) {
        String playlist = entry.hlsUrl().substring(entry.hlsUrl().lastIndexOf('/') + 1);
        return "/hls/t/" + token + "/" + entry.streamId() + "/" + playlist;
    }
}
