package io.lunora.gateway.openapi;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/** Which target a path goes to, read from the routes' {@code Path} predicates in their order. */
final class RoutedPaths {
    private record Route(String id, URI uri, List<PathPattern> patterns) {
    }

    private final List<Route> routes;

    RoutedPaths(List<RouteDefinition> definitions) {
        PathPatternParser parser = new PathPatternParser();
        this.routes = definitions.stream()
                .sorted(Comparator.comparingInt(RouteDefinition::getOrder))
                .map(d -> new Route(d.getId(), d.getUri(), d.getPredicates().stream()
                        .filter(p -> "Path".equals(p.getName()))
                        .map(PredicateDefinition::getArgs)
                        .flatMap(args -> args.values().stream())
                        .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                        .map(String::strip)
                        .map(parser::parse)
                        .toList()))
                .toList();
    }

    /** The target of the first route whose paths match, e.g. {@code /api/presets/{id}} → preset-service's URI. */
    Optional<URI> targetOf(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return routes.stream().filter(r -> r.patterns().stream().anyMatch(p -> p.matches(container)))
                .map(Route::uri).findFirst();
    }

    Optional<URI> uriOfRoute(String routeId) {
        return routes.stream().filter(r -> r.id().equals(routeId)).map(Route::uri).findFirst();
    }
}
