package io.lunora.auth.organizations;

import io.lunora.model.identity.Platform;
import java.time.Clock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Lists the platform's own organization ({@value Platform#ORGANIZATION}, the bootstrap admin's)
 * among the organizations, so that it shows in the list and no new one can take its id.
 */
@Component
class PlatformOrganization implements ApplicationRunner {
    private final OrganizationStore organizations;
    private final Clock clock;

    PlatformOrganization(OrganizationStore organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        organizations.createIfAbsent(new Organization(Platform.ORGANIZATION, "Platform", clock.instant(), null));
    }
}
