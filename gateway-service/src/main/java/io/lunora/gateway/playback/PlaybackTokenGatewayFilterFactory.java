package io.lunora.gateway.playback;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.addOriginalRequestUrl;

import io.lunora.gateway.problem.Problems;
import io.lunora.model.viewer.AccessLevel;
import io.lunora.model.viewer.PlaybackTokens;
import io.lunora.model.viewer.PlaybackTokens.Outcome;
import io.lunora.model.viewer.Quality;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The {@code PlaybackToken} filter of the {@code /hls/**} route. A request reaches the HLS origin
 * (the local engine, or MediaPackage on AWS) only with a playback token that is authentic,
 * unexpired, bound to the stream of the path, and whose tier covers the stream's access level now;
 * it then goes to the stream's origin folder with neither token nor credentials. {@code /hls/t/{token}/{stream_id}/{file}} is served; an engine
 * path with {@code ?playback_token=} (viewer-service's {@code playback_url}) is redirected to
 * that form when the token's stream plays from there. The token's tier also caps the quality
 * ({@link QualityCap}). A token bound to a viewer (every token for a stream above public) plays
 * only with that viewer's access token in {@code Authorization}, which the security chain has
 * already validated: a copied premium URL is worthless to anyone else. Refusals never reach the
 * origin.
 */
public class PlaybackTokenGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {
    private static final Logger log = LoggerFactory.getLogger(PlaybackTokenGatewayFilterFactory.class);
    static final String QUERY_TOKEN = "playback_token";

    private final PlaybackTokens tokens;
    private final PlaybackDirectory directory;
    private final Clock clock;
    private final ModifyResponseBodyGatewayFilterFactory masterRewrite;
    private final VariantLadders ladders;

    PlaybackTokenGatewayFilterFactory(PlaybackTokens tokens, PlaybackDirectory directory, Clock clock,
            ModifyResponseBodyGatewayFilterFactory masterRewrite, VariantLadders ladders) {
        super(Object.class);
        this.tokens = tokens;
        this.directory = directory;
        this.clock = clock;
        this.masterRewrite = masterRewrite;
        this.ladders = ladders;
    }

    @Override
    public String name() {
        return "PlaybackToken";
    }

    /**
     * Ordered before the global filter that writes the engine's answer, which keeps the response
     * it was handed: the master playlist rewrite must have decorated it by then.
     */
    @Override
    public GatewayFilter apply(Object config) {
        return new OrderedGatewayFilter((exchange, chain) -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (path.startsWith(PlaybackPath.PREFIX)) {
                return PlaybackPath.parse(path)
                        .map(p -> serve(exchange, p, chain))
                        .orElseGet(() -> Problems.write(exchange, HttpStatus.NOT_FOUND, "No such playback file.",
                                redacted(exchange)));
            }
            return redirectToTokenPath(exchange, path);
        }, NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1);
    }

    private Mono<Void> serve(ServerWebExchange exchange, PlaybackPath request,
            GatewayFilterChain chain) {
        Optional<Refusal> forged = authentic(request.token());
        if (forged.isPresent()) {
            return forged.get().write(exchange);
        }
        // Mono<Void> completes empty: the lookup's absence is decided on an Optional, before any write
        return Mono.zip(lookup(request.streamId()), viewer(exchange))
                .flatMap(lookedUp -> {
                    Optional<PlaybackDirectory.LiveStream> found = lookedUp.getT1();
                    if (found.isEmpty()) {
                        return Problems.write(exchange, HttpStatus.NOT_FOUND, "This stream is not live.",
                                redacted(exchange));
                    }
                    PlaybackDirectory.LiveStream stream = found.get();
                    PlaybackTokens.Verification verification = tokens.verify(request.token(), stream.streamId(),
                            stream.accessLevel(), lookedUp.getT2().orElse(null), clock.instant());
                    if (!verification.valid()) {
                        return Refusal.of(verification.outcome()).write(exchange);
                    }
                    Quality cap = verification.grant().orElseThrow().tier().quality();
                    return withinCap(exchange, stream, request.file(), cap).flatMap(allowed -> {
                        if (!allowed) {
                            return Problems.write(exchange, HttpStatus.FORBIDDEN, "Your plan plays up to "
                                    + cap.maxHeight() + "p. Upgrade for higher quality.", redacted(exchange));
                        }
                        ServerWebExchange toOrigin = toOrigin(exchange, stream.folder() + request.file());
                        return isMaster(stream, request.file())
                                ? capMaster(cap, stream.numberedVariants()).filter(toOrigin, chain)
                                : chain.filter(toOrigin);
                    });
                })
                .onErrorResume(e -> !exchange.getResponse().isCommitted(), e -> unavailable(exchange, e));
    }

    /**
     * Whether {@code cap} lets the viewer have {@code file}: by its rung folder on the engine, by the
     * variant ladder of the origin's master where variants are numbered (MediaPackage).
     */
    private Mono<Boolean> withinCap(ServerWebExchange exchange, PlaybackDirectory.LiveStream stream, String file,
            Quality cap) {
        if (!stream.numberedVariants()) {
            return Mono.just(QualityCap.allows(file, cap));
        }
        if (isMaster(stream, file)) {
            return Mono.just(true);
        }
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        return ladders.of(route.getUri(), stream).map(ladder -> ladder.allows(file, cap));
    }

    private static boolean isMaster(PlaybackDirectory.LiveStream stream, String file) {
        return stream.numberedVariants() ? file.equals(stream.master()) : QualityCap.isMasterPlaylist(file);
    }

    /**
     * Rewrites the master playlist to the variants within {@code cap}; where variants are numbered,
     * also without a variant that declares no resolution (its height cannot be known).
     */
    private GatewayFilter capMaster(Quality cap, boolean resolutionRequired) {
        return masterRewrite.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class, (exchange, playlist) ->
                        Mono.justOrEmpty(playlist).map(p -> QualityCap.filterMaster(p, cap, resolutionRequired))));
    }

    /** {@code /hls/{engine path}?playback_token=...}: redirect into the token path if the token's stream plays there. */
    private Mono<Void> redirectToTokenPath(ServerWebExchange exchange, String path) {
        String token = exchange.getRequest().getQueryParams().getFirst(QUERY_TOKEN);
        if (token == null || token.isBlank()) {
            return Refusal.MISSING.write(exchange);
        }
        Optional<Refusal> forged = authentic(token);
        if (forged.isPresent()) {
            return forged.get().write(exchange);
        }
        // authentic and unexpired, so the grant names its stream (the empty stream id never matches)
        String streamId = tokens.verify(token, "", AccessLevel.PUBLIC, null, clock.instant()).grant().orElseThrow()
                .streamId();
        return lookup(streamId)
                .flatMap(found -> {
                    Optional<String> target = found.filter(stream -> path.startsWith(stream.folder()))
                            .map(stream -> PlaybackPath.of(token, streamId, path.substring(stream.folder().length())))
                            .filter(t -> PlaybackPath.parse(t).isPresent());
                    if (target.isEmpty()) {
                        return Refusal.of(Outcome.WRONG_STREAM).write(exchange);
                    }
                    exchange.getResponse().setStatusCode(HttpStatus.FOUND);
                    exchange.getResponse().getHeaders().setLocation(URI.create(target.get()));
                    exchange.getResponse().getHeaders().setCacheControl("no-store");
                    return exchange.getResponse().setComplete();
                })
                .onErrorResume(e -> !exchange.getResponse().isCommitted(), e -> unavailable(exchange, e));
    }

    /** The {@code sub} of the request's access token, when it came with a valid one. */
    private static Mono<Optional<String>> viewer(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Optional.ofNullable(((JwtAuthenticationToken) principal).getToken().getSubject()))
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<Optional<PlaybackDirectory.LiveStream>> lookup(String streamId) {
        return directory.find(streamId).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange, Throwable e) {
        log.warn("Playback unavailable (directory or HLS origin): {}", e.getClass().getSimpleName());
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                "Playback is unavailable right now. Try again shortly.", redacted(exchange));
    }

    /** A refusal when the token is malformed, forged or expired, whatever stream it is presented for. */
    private Optional<Refusal> authentic(String token) {
        Outcome outcome = tokens.verify(token, "", AccessLevel.PUBLIC, null, clock.instant()).outcome();
        return outcome == Outcome.WRONG_STREAM ? Optional.empty() : Optional.of(Refusal.of(outcome));
    }

    /** The request path without its playback token: problem documents do not echo credentials. */
    static String redacted(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().replaceFirst("^/hls/t/[^/]+/", "/hls/t/{token}/");
    }

    private static ServerWebExchange toOrigin(ServerWebExchange exchange, String originPath) {
        ServerHttpRequest original = exchange.getRequest();
        addOriginalRequestUrl(exchange, original.getURI());
        URI uri = UriComponentsBuilder.fromUri(original.getURI()).replacePath(originPath).replaceQuery(null)
                .build(true).toUri();
        ServerHttpRequest request = original.mutate().uri(uri)
                .headers(h -> {
                    h.remove(HttpHeaders.AUTHORIZATION);
                    h.remove(HttpHeaders.COOKIE);
                })
                .build();
        return exchange.mutate().request(request).build();
    }

    /** Why a request is refused: 401 when the token does not prove anything, 403 when it proves too little. */
    enum Refusal {
        MISSING(HttpStatus.UNAUTHORIZED, "A playback token is required. Start viewing the stream to get one."),
        INVALID(HttpStatus.UNAUTHORIZED, "The playback token is not valid."),
        EXPIRED(HttpStatus.UNAUTHORIZED, "The playback token has expired. Start viewing the stream again."),
        WRONG_STREAM(HttpStatus.FORBIDDEN, "The playback token is for another stream."),
        TIER_TOO_LOW(HttpStatus.FORBIDDEN, "Your plan does not include this stream. Upgrade to watch it."),
        VIEWER_REQUIRED(HttpStatus.UNAUTHORIZED, "This playback token belongs to a signed-in viewer. Sign in to watch."),
        WRONG_VIEWER(HttpStatus.FORBIDDEN, "This playback token was issued to another viewer. Start viewing the stream"
                + " to get your own."),
        NOT_BOUND(HttpStatus.FORBIDDEN, "This stream is no longer public. Start viewing it again.");

        private final HttpStatus status;
        private final String detail;

        Refusal(HttpStatus status, String detail) {
            this.status = status;
            this.detail = detail;
        }

        static Refusal of(Outcome outcome) {
            return switch (outcome) {
                case EXPIRED -> EXPIRED;
                case WRONG_STREAM -> WRONG_STREAM;
                case TIER_TOO_LOW -> TIER_TOO_LOW;
                case VIEWER_REQUIRED -> VIEWER_REQUIRED;
                case WRONG_VIEWER -> WRONG_VIEWER;
                case NOT_BOUND -> NOT_BOUND;
                case MALFORMED, BAD_SIGNATURE, VALID -> INVALID;
            };
        }

        Mono<Void> write(ServerWebExchange exchange) {
            return Problems.write(exchange, status, detail, redacted(exchange));
        }
    }
}
