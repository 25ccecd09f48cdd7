package io.lunora.gateway.playback;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lunora.model.playback.HlsPlaylistPaths;
import io.lunora.model.playback.PlaybackTarget;
import io.lunora.model.viewer.AccessLevel;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Asks viewer-service's {@code GET /internal/catalog/streams/{id}/playback} with a service token,
 * and reuses each answer for a few seconds: a player fetches a segment every couple of seconds,
 * a raised access level or an ended stream takes effect within the cache time.
 */
final class ViewerPlaybackDirectory implements PlaybackDirectory {
    private final WebClient http;
    private final ServiceToken token;
    private final String baseUrl;
    private final AsyncCache<String, Optional<LiveStream>> cache;

    ViewerPlaybackDirectory(WebClient http, ServiceToken token, String baseUrl, Duration ttl) {
        this.http = http;
        this.token = token;
        this.baseUrl = baseUrl;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).buildAsync();
    }

    @Override
    public Mono<LiveStream> find(String streamId) {
        return Mono.fromFuture(() -> cache.get(streamId, (id, executor) -> lookup(id).toFuture()))
                .flatMap(Mono::justOrEmpty);
    }

    private Mono<Optional<LiveStream>> lookup(String streamId) {
        return token.get().flatMap(bearer -> http.get()
                        .uri(baseUrl + "/internal/catalog/streams/{id}/playback", streamId)
                        .headers(h -> h.setBearerAuth(bearer))
                        .retrieve().bodyToMono(JsonNode.class))
                .map(ViewerPlaybackDirectory::target)
                .map(ViewerPlaybackDirectory::toLiveStream)
                .onErrorResume(WebClientResponseException.class, e -> {
                    if (e.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
                        token.invalidate();
                    }
                    return e.getStatusCode().value() == HttpStatus.NOT_FOUND.value() ? Mono.just(Optional.empty())
                            : Mono.error(e);
                })
                .defaultIfEmpty(Optional.empty());
    }

    /** The wire record read member by member: snake_case whatever the gateway's own JSON settings. */
    private static PlaybackTarget target(JsonNode body) {
        return new PlaybackTarget(body.path("stream_id").asString(null), body.path("access_level").asString(null),
                body.path("hls_url").asString(null), body.path("is_live").asBoolean(false));
    }

    static Optional<LiveStream> toLiveStream(PlaybackTarget target) {
        boolean servable = HlsPlaylistPaths.isEngine(target.hlsUrl()) || HlsPlaylistPaths.isMediaPackage(target.hlsUrl());
        if (!target.isLive() || !servable) {
            return Optional.empty();
        }
        // an unknown level is treated as the highest, as viewer-service does
        AccessLevel level = AccessLevel.fromWireValue(target.accessLevel()).orElse(AccessLevel.VIP);
        return Optional.of(new LiveStream(target.streamId(), level, target.hlsUrl()));
    }
}
