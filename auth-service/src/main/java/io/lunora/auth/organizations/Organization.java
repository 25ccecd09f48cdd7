package io.lunora.auth.organizations;

import java.time.Instant;

/**
 * A tenant of the platform: every internal user and item carries its id as {@code custom:organization}
 * / {@code organization_id}.
 *
 * @param createdBy the platform admin's user id; null for the platform's own organization
 */
public record Organization(String id, String name, Instant createdAt, String createdBy) {
}
