package io.lunora.gateway.access;

import io.lunora.gateway.problem.Problems;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 404 for paths the table does not name ({@code /internal/**}, services' actuators,
 * anything unknown) and 405 for methods it does not list, before any token is looked at; keeps
 * the decision for {@link RouteAccessManager}.
 */
public final class RouteTableFilter implements WebFilter {
    static final String DECISION = RouteTableFilter.class.getName() + ".decision";

    private final RouteTable table;

    public RouteTableFilter(RouteTable table) {
        this.table = table;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        return switch (table.decide(request.getMethod(), request.getPath().pathWithinApplication())) {
            case RouteTable.Decision.NotFound n -> Problems.write(exchange, HttpStatus.NOT_FOUND, "No such resource.");
            case RouteTable.Decision.MethodNotAllowed m -> {
                exchange.getResponse().getHeaders().setAllow(m.allowedMethods().stream()
                        .map(HttpMethod::valueOf).collect(Collectors.toCollection(LinkedHashSet::new)));
                yield Problems.write(exchange, HttpStatus.METHOD_NOT_ALLOWED, "This method is not allowed here.");
            }
            case RouteTable.Decision.Governed g -> {
                exchange.getAttributes().put(DECISION, g);
                yield chain.filter(exchange);
            }
        };
    }
}
