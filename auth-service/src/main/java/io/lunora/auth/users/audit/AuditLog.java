package io.lunora.auth.users.audit;

/** Where the audit entries of an organization are kept (append only). */
public interface AuditLog {

    /** The shape of a page cursor as {@link #page} hands it out (safe in a URL as it is). */
    String CURSOR_PATTERN = "[0-9]{13}_[0-9a-f-]{36}";

    void append(AuditEntry entry);

    /** Up to {@code limit} entries, newest first, after {@code cursor} (null: from the newest). */
    AuditPage page(String organizationId, int limit, String cursor);
}
