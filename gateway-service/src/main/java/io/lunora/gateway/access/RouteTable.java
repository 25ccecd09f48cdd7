package io.lunora.gateway.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Decides, from the configured rules alone, what a method on a path is: unknown (404), known
 * with other methods only (405), or governed by one rule. Deny by default: a path that no rule
 * names is never routed, whatever the routes say.
 */
public final class RouteTable {

    /** What the table says about one request. */
    public sealed interface Decision {
        /**
         * @param authorities       one of them grants (the allowed groups)
         * @param scopeAuthorities  all of them are needed besides (the required scopes)
         */
        record Governed(Set<String> authorities, boolean anonymous, Set<String> scopeAuthorities)
                implements Decision {
            public Governed(Set<String> authorities, boolean anonymous) {
                this(authorities, anonymous, Set.of());
            }
        }

        record MethodNotAllowed(Set<String> allowedMethods) implements Decision {
        }

        record NotFound() implements Decision {
        }
    }

    private record Compiled(List<PathPattern> patterns, Set<String> methods, Decision.Governed decision) {
        boolean matches(PathContainer path) {
            return patterns.stream().anyMatch(p -> p.matches(path));
        }

        boolean allows(HttpMethod method) {
            return methods.isEmpty() || methods.contains(method.name());
        }
    }

    private final List<Compiled> rules;

    public RouteTable(List<AccessRule> rules) {
        PathPatternParser parser = new PathPatternParser();
        this.rules = rules.stream().map(r -> new Compiled(r.paths().stream().map(parser::parse).toList(),
                r.methods(), new Decision.Governed(r.authorities(), r.allowsAnonymous(),
                r.scopeAuthorities()))).toList();
    }

    public Decision decide(HttpMethod method, PathContainer path) {
        Set<String> otherMethods = new LinkedHashSet<>();
        boolean pathKnown = false;
        for (Compiled rule : rules) {
            if (!rule.matches(path)) {
                continue;
            }
            pathKnown = true;
            if (rule.allows(method)) {
                return rule.decision();
            }
            otherMethods.addAll(rule.methods());
        }
        return pathKnown ? new Decision.MethodNotAllowed(new TreeSet<>(otherMethods)) : new Decision.NotFound();
    }
}
