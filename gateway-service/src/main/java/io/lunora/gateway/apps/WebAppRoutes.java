package io.lunora.gateway.apps;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves the operator and admin web apps of the {@code web} module from {@code classpath:web/}:
 * {@code /stream/**} and {@code /admin/**}, and their shared {@code /assets/**}. A path whose last
 * segment has no extension is a screen of the app (its own router draws it), so it gets the app's
 * {@code index.html}; a file that does not exist is a 404. Files are revalidated on every load
 * ({@code no-cache}) so a new version is never mixed with an old module.
 */
@Configuration(proxyBeanMethods = false)
class WebAppRoutes {
    static final List<String> APPS = List.of("stream", "admin");
    private static final String ROOT = "web/";
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    @Bean
    RouterFunction<ServerResponse> webApps() {
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (String app : APPS) {
            routes.GET("/" + app, request -> ServerResponse.permanentRedirect(URI.create("/" + app + "/")).build());
            routes.GET("/" + app + "/**", request -> serve(request, app, true));
        }
        routes.GET("/assets/**", request -> serve(request, "assets", false));
        return routes.build();
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
