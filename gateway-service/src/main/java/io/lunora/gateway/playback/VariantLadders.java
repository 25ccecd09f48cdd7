package io.lunora.gateway.playback;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Each stream's {@link VariantLadder}, read from the origin's master playlist by the gateway itself
 * (with the route's HTTP client: same TLS trust, no token, no credentials) and kept for a few
 * seconds: a viewer may ask for a variant's segment without having fetched the master through
 * this gateway task, and a MediaLive update cycle may change the ladder.
 */
final class VariantLadders {
    private final WebClient origin;
    private final AsyncCache<URI, VariantLadder> cache;

    VariantLadders(WebClient origin, Duration ttl) {
        this.origin = origin;
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1_000).buildAsync();
    }

    /** The ladder of {@code stream} at the origin {@code base} (scheme, host and port of the HLS route). */
    Mono<VariantLadder> of(URI base, PlaybackDirectory.LiveStream stream) {
        URI master = UriComponentsBuilder.fromUri(base).replacePath(stream.playlist()).replaceQuery(null).build(true)
                .toUri();
        String stem = stream.master().substring(0, stream.master().length() - ".m3u8".length());
        return Mono.fromFuture(() -> cache.get(master, (uri, executor) -> origin.get().uri(uri).retrieve()
                .bodyToMono(String.class)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("the origin sent an empty master playlist")))
                .map(playlist -> VariantLadder.parse(playlist, stem))
                .toFuture()));
    }
}
