package io.lunora.auth.organizations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An organization as the platform admin's API shows it; {@code firstAdminId} only in the creation answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationView(String id, String name, Instant createdAt, String firstAdminId) {

    static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.id(), organization.name(), organization.createdAt(), null);
    }
}
