package io.lunora.gateway.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import io.lunora.gateway.web.WebProperties;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves the web apps of the {@code web} module from {@code classpath:web/}: {@code /stream/**},
 * {@code /admin/**}, {@code /watch/**}, {@code /player/**}, {@code /viewer-admin/**}, their shared
 * {@code /assets/**}, and the player's hls.js at {@code /vendor/hls.js/hls.min.js}. A path whose last
 * segment has no extension is a screen of the app (its own router draws it), so it gets the app's
 * {@code index.html}; a file that does not exist is a 404. Files are revalidated on every load
 * ({@code no-cache}) so a new version is never mixed with an old module.
 *
 * <p>With {@code lunora.web.hosts}, an app's host sends its root {@code /} on to {@code /<app>/}
 * on the same host, and an app with a host of its own is sent there from another app's host. The
 * apps keep their paths on their hosts because their OAuth redirect URI is
 * {@code <origin>/<app>/callback} (auth-service registers issuer + app + {@code /callback}) and
 * their modules load from {@code /<app>/} and {@code /assets/}; serving them at {@code /} would
 * need other redirect URIs and relative links in every app. Every other route works on every host.
 */
@Configuration(proxyBeanMethods = false)
class WebAppRoutes {
    static final List<String> APPS = List.of("stream", "admin", "watch", "player", "viewer-admin");
    /** The player's HLS library from its WebJar (a dependency of the web module), any version. */
    private static final String HLS_JS = "classpath*:META-INF/resources/webjars/hls.js/*/dist/hls.min.js";
    private static final String ROOT = "web/";
    private static final RequestPredicate READ = RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD);
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    @Bean
    RouterFunction<ServerResponse> webApps(WebProperties web) {
        AppHosts hosts = new AppHosts(web.hosts());
        RouterFunctions.Builder routes = RouterFunctions.route();
        routes.route(READ.and(RequestPredicates.path("/")).and(request -> hosts.appAt(request).isPresent()), request -> ServerResponse
                .temporaryRedirect(withQuery(request, "/" + hosts.appAt(request).orElseThrow() + "/")).build());
        for (String app : APPS) {
            hosts.hostOf(app).ifPresent(host -> routes.route(READ.and(onAnotherAppsHost(hosts, app)),
                    request -> ServerResponse.temporaryRedirect(withQuery(request, "https://" + host + request.path())).build()));
            routes.GET("/" + app, request -> ServerResponse.permanentRedirect(URI.create("/" + app + "/")).build());
            routes.GET("/" + app + "/**", request -> serve(request, app, true));
        }
        routes.GET("/assets/**", request -> serve(request, "assets", false));
        Resource hlsJs = hlsJs();
        routes.GET("/vendor/hls.js/hls.min.js", request -> ServerResponse.ok().contentType(JAVASCRIPT)
                .cacheControl(CacheControl.noCache()).bodyValue(hlsJs));
        return routes.build();
    }

    /** Requests for this app's paths ({@code /<app>} and below) sent to the host of another app. */
    private static RequestPredicate onAnotherAppsHost(AppHosts hosts, String app) {
        RequestPredicate appPaths = RequestPredicates.path("/" + app).or(RequestPredicates.path("/" + app + "/**"));
        return appPaths.and(request -> hosts.appAt(request).filter(at -> !at.equals(app)).isPresent());
    }

    private static URI withQuery(ServerRequest request, String target) {
        String query = request.uri().getRawQuery();
        return URI.create(query == null ? target : target + "?" + query);
    }

    private static Resource hlsJs() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(HLS_JS);
            if (found.length != 1) {
                throw new IllegalStateException("expected one hls.js WebJar on the class path, found " + found.length);
            }
            return found[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mono<ServerResponse> serve(ServerRequest request, String folder, boolean screens) {
        String rest = request.path().substring(folder.length() + 2);
        String last = rest.substring(rest.lastIndexOf('/') + 1);
        if (rest.contains("..") || rest.contains("\\") || rest.contains("//")) {
            return notFound(request);
        }
        String file = screens && !last.contains(".") ? "index.html" : rest;
        Resource resource = new ClassPathResource(ROOT + folder + "/" + file);
        if (!resource.isReadable()) {
            return notFound(request);
        }
        MediaType type = file.endsWith(".js") ? JAVASCRIPT
                : MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ServerResponse.ok().contentType(type).cacheControl(CacheControl.noCache()).bodyValue(resource);
    }

    private static Mono<ServerResponse> notFound(ServerRequest request) {
        return ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(Map.of("type", "about:blank", "title", "Not Found", "status", 404,
                        "detail", "No such resource.", "instance", request.path()));
    }
}
