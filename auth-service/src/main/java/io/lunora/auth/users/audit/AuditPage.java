package io.lunora.auth.users.audit;

import java.util.List;

/** A page of the audit log, newest first; {@code next} is the cursor of the following page, null after the last. */
public record AuditPage(List<AuditEntry> entries, String next) {
}
