package io.lunora.gateway.openapi;

import io.lunora.gateway.access.RouteTable;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

/**
 * Builds the public part of the API from the services' own documents: a path is kept when the
 * route that owns it leads to the service that documents it, and each of its operations only when
 * the gateway's route table lets that method through ({@code /internal/**} and anything else the
 * table does not name are 404 at the gateway, so they never appear). Schemas and tags are merged;
 * the gateway's own routes (OIDC, HLS, web apps) come from {@code openapi/gateway-routes.yaml}.
 */
final class PublicApi {
    private final RoutedPaths routes;
    private final RouteTable table;
    private final OpenAPI gatewayRoutes;

    PublicApi(RoutedPaths routes, RouteTable table, OpenAPI gatewayRoutes) {
        this.routes = routes;
        this.table = table;
        this.gatewayRoutes = gatewayRoutes;
    }

    /** Writes the public paths, schemas and tags of {@code documents} (by service URI) into {@code api}. */
    void writeInto(OpenAPI api, Map<URI, OpenAPI> documents) {
        Paths paths = new Paths();
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        Map<String, Tag> tags = new LinkedHashMap<>();
        documents.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            OpenAPI document = entry.getValue();
            if (document.getPaths() != null) {
                document.getPaths().forEach((path, item) -> {
                    if (routes.targetOf(path).filter(entry.getKey()::equals).isPresent()) {
                        publicPart(path, item).ifPresent(kept -> paths.putIfAbsent(path, kept));
                    }
                });
            }
            mergeComponents(components, document.getComponents());
            if (document.getTags() != null) {
                document.getTags().forEach(t -> tags.putIfAbsent(t.getName(), t));
            }
        });
        gatewayRoutes.getPaths().forEach((path, item) -> publicPart(path, item).ifPresent(kept -> paths.putIfAbsent(path, kept)));
        if (gatewayRoutes.getTags() != null) {
            gatewayRoutes.getTags().forEach(t -> tags.putIfAbsent(t.getName(), t));
        }
        Paths sorted = new Paths();
        paths.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sorted.addPathItem(e.getKey(), e.getValue()));
        api.setPaths(sorted);
        api.setComponents(components);
        List<Tag> tagList = new ArrayList<>(tags.values());
        tagList.sort(Comparator.comparing(Tag::getName));
        api.setTags(tagList);
    }

    /** The path with the operations the route table lets through; empty when none. */
    private java.util.Optional<PathItem> publicPart(String path, PathItem item) {
        PathContainer container = PathContainer.parsePath(path);
        PathItem kept = new PathItem().summary(item.getSummary()).description(item.getDescription())
                .parameters(item.getParameters());
        boolean any = false;
        for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.readOperationsMap().entrySet()) {
            HttpMethod method = HttpMethod.valueOf(operation.getKey().name());
            if (table.decide(method, container) instanceof RouteTable.Decision.Governed) {
                kept.operation(operation.getKey(), operation.getValue());
                any = true;
            }
        }
        return any ? java.util.Optional.of(kept) : java.util.Optional.empty();
    }

    private static void mergeComponents(Components into, Components from) {
        if (from == null) {
            return;
        }
        if (from.getSchemas() != null) {
            from.getSchemas().forEach((name, schema) -> {
                if (into.getSchemas() == null || !into.getSchemas().containsKey(name)) {
                    into.addSchemas(name, schema);
                }
            });
        }
        if (from.getSecuritySchemes() != null) {
            from.getSecuritySchemes().forEach((name, scheme) -> {
                if (into.getSecuritySchemes() == null || !into.getSecuritySchemes().containsKey(name)) {
                    into.addSecuritySchemes(name, scheme);
                }
            });
        }
    }
}
