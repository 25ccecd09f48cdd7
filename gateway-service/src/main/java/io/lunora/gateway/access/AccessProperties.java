package io.lunora.gateway.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The gateway's route/role table, in order; see {@code application.yml}. */
@ConfigurationProperties(prefix = "lunora.gateway.access")
public record AccessProperties(List<AccessRule> rules) {
    public AccessProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
