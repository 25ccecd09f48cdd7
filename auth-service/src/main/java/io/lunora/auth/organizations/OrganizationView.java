package io.lunora.auth.organizations;

import java.time.Instant;

/** An organization as the platform admin's API shows it; {@code firstAdminId} only in the creation answer. */
public record OrganizationView(String id, String name, Instant createdAt, String firstAdminId) {

    static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.id(), organization.name(), organization.createdAt(), null);
    }
}
