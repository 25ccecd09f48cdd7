package io.lunora.auth.organizations;

import io.lunora.model.identity.Platform;
import io.lunora.auth.users.InviteUserRequest;
import io.lunora.auth.users.UserDirectory;
import io.lunora.auth.users.UserView;
import io.lunora.auth.users.audit.AdminAudit;
import io.lunora.auth.users.audit.AuditAction;
import io.lunora.model.identity.Group;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.security.Caller;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The platform admin's organizations: a new one is stored, then its first admin is invited
 * exactly as an admin invites a user (temporary password by mail, new password and MFA at the
 * first sign-in). When the invitation fails (user name or email taken, mail refused) the
 * organization is removed again, so nothing is left half-created.
 */
@Service
public class OrganizationService {
    private static final Logger log = LoggerFactory.getLogger(OrganizationService.class);

    private final OrganizationStore organizations;
    private final UserDirectory directory;
    private final AdminAudit audit;
    private final Clock clock;

    OrganizationService(OrganizationStore organizations, UserDirectory directory, AdminAudit audit, Clock clock) {
        this.organizations = organizations;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public List<OrganizationView> list(Caller caller) {
        requirePlatformAdmin(caller);
        return organizations.all().stream().map(OrganizationView::of).toList();
    }

    public OrganizationView create(Caller caller, CreateOrganizationRequest request) {
        requirePlatformAdmin(caller);
        Organization organization = new Organization(request.id(), request.name(), clock.instant(), caller.userId());
        organizations.create(organization);
        UserView admin;
        try {
            admin = directory.invite(organization.id(),
                    new InviteUserRequest(request.adminUsername(), request.adminEmail(), Group.ADMINS.claimValue()));
        } catch (InvalidFieldException taken) {
            organizations.delete(organization.id());
            throw new InvalidFieldException("admin_" + taken.field(), taken.getMessage());
        } catch (RuntimeException failed) {
            organizations.delete(organization.id());
            throw failed;
        }
        log.info("Organization {} created with first admin {} by {}", organization.id(), admin.id(), caller.userId());
        audit.record(caller, AuditAction.ORGANIZATION_CREATED, organization.id(), organization.name(),
                "first admin " + admin.username());
        audit.recordIn(organization.id(), caller, AuditAction.USER_INVITED, admin.id(), admin.username(),
                "as admins, the organization's first admin");
        return new OrganizationView(organization.id(), organization.name(), organization.createdAt(), admin.id());
    }

    /** The API chain requires the platform scope already; checked again here so no other caller path slips by. */
    private static void requirePlatformAdmin(Caller caller) {
        if (!caller.isIn(Group.ADMINS) || !Platform.ORGANIZATION.equals(caller.organizationId())) {
            throw new AccessDeniedException("only a platform admin manages organizations");
        }
    }
}
