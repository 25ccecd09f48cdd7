package io.lunora.gateway.ratelimit;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate-limit groups, in order: the first whose paths and methods match a request counts it.
 *
 * @param maxKeysPerGroup callers remembered per group; beyond it the least recent are forgotten
 */
@ConfigurationProperties(prefix = "lunora.gateway.rate-limit")
public record RateLimitProperties(List<Group> groups, int maxKeysPerGroup, Refused refused) {
    public RateLimitProperties {
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (maxKeysPerGroup <= 0) {
            maxKeysPerGroup = 100_000;
        }
        refused = refused == null ? new Refused(0, 0, 0, 0) : refused;
    }

    /**
     * The budget of 401 answers (no token, or an invalid one) per client address; once spent, the
     * address's requests are answered 429 before any token is looked at, until it refills. This
     * machine's own addresses (loopback: the system tests, a local browser) get a budget of their own.
     */
    public record Refused(double perSecond, int burst, double loopbackPerSecond, int loopbackBurst) {
        public Refused {
            perSecond = perSecond <= 0 ? 5 : perSecond;
            burst = burst < 1 ? 50 : burst;
            loopbackPerSecond = loopbackPerSecond <= 0 ? 200 : loopbackPerSecond;
            loopbackBurst = loopbackBurst < 1 ? 2000 : loopbackBurst;
        }
    }

    /**
     * @param methods   none listed: any method
     * @param byAddress count per client address even when a token is sent (sign-in, registration: a
     *                  bearer of one's own must not buy a budget of its own)
     */
    public record Group(String name, List<String> paths, Set<String> methods, double perSecond, int burst,
            boolean byAddress) {
        public Group {
            if (name == null || paths == null || paths.isEmpty()) {
                throw new IllegalArgumentException("a rate-limit group needs a name and paths");
            }
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("rate-limit group " + name + " needs per-second > 0 and burst >= 1");
            }
            paths = List.copyOf(paths);
            methods = methods == null ? Set.of()
                    : methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }
    }
}
