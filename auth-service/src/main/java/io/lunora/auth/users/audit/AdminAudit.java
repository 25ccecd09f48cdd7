package io.lunora.auth.users.audit;

import io.lunora.support.security.Caller;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records the admins' actions on users and reads them back, always within the caller's organization. */
@Service
public class AdminAudit {
    private final AuditLog log;
    private final Clock clock;

    public AdminAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** Records that {@code admin} did {@code action} to the user {@code targetId}; {@code detail} must hold no secret. */
    public void record(Caller admin, AuditAction action, String targetId, String targetUsername, String detail) {
        recordIn(admin.requireOrganization(), admin, action, targetId, targetUsername, detail);
    }

    /**
     * Records an action in the log of {@code organizationId}, which need not be the actor's: a
     * platform admin's invitation of a new organization's first admin belongs to that organization.
     */
    public void recordIn(String organizationId, Caller actor, AuditAction action, String targetId,
            String targetUsername, String detail) {
        log.append(new AuditEntry(UUID.randomUUID().toString(), clock.instant(), organizationId,
                actor.userId(), actor.username(), action, targetId, targetUsername, detail, clientAddress()));
    }

    public AuditPage page(Caller admin, int limit, String cursor) {
        return log.page(admin.requireOrganization(), limit, cursor);
    }

    /** The client's address as the trusted proxies (the gateway) report it; null outside a request. */
    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}
