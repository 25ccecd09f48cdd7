package io.lunora.auth.users;

import io.lunora.auth.users.audit.AdminAudit;
import io.lunora.auth.users.audit.AuditAction;
import io.lunora.model.identity.Group;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The admins' user management for the internal pool, always inside the caller's organization: a
 * user of another organization is reported as not found. Every change is recorded in the audit log.
 */
@Service
public class UserAdminService {
    public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}";
    private static final Logger log = LoggerFactory.getLogger(UserAdminService.class);

    private final UserDirectory directory;
    private final AdminAudit audit;

    UserAdminService(UserDirectory directory, AdminAudit audit) {
        this.directory = directory;
        this.audit = audit;
    }

    /** The directory narrows by username and email (Cognito filters on its side); text and role are matched here. */
    public List<UserView> search(Caller caller, UserSearch search) {
        return directory.search(caller.requireOrganization(), search.username(), search.email()).stream()
                .filter(search::matches).toList();
    }

    public UserView get(Caller caller, String id) {
        return inOrganization(caller, id);
    }

    public UserView me(Caller caller) {
        return directory.me(caller.userId()).orElseThrow(() -> new NotFoundException("user", caller.userId()));
    }

    public UserView invite(Caller caller, InviteUserRequest request) {
        String organization = caller.requireOrganization();
        UserView saved = directory.invite(organization, request);
        log.info("User {} invited into organization {} as {} by {}", saved.id(), organization, saved.group(),
                caller.userId());
        audit.record(caller, AuditAction.USER_INVITED, saved.id(), saved.username(), "as " + saved.group());
        return saved;
    }

    public UserView changeGroup(Caller caller, String id, ChangeUserRequest request) {
        UserView user = inOrganization(caller, id);
        Group group = Group.fromClaimValue(request.group()).orElseThrow();
        if (user.id().equals(caller.userId()) && group != Group.ADMINS) {
            throw new ConflictException("You cannot remove your own admin role; ask another admin.");
        }
        if (group.claimValue().equals(user.group())) {
            return user;
        }
        UserView changed = directory.setGroup(user, group);
        audit.record(caller, AuditAction.ROLE_CHANGED, user.id(), user.username(),
                "from " + user.group() + " to " + changed.group());
        return changed;
    }

    public UserView setEnabled(Caller caller, String id, boolean enabled) {
        UserView user = inOrganization(caller, id);
        if (!enabled && user.id().equals(caller.userId())) {
            throw new ConflictException("You cannot disable your own account.");
        }
        if (user.enabled() == enabled) {
            return user;
        }
        UserView changed = directory.setEnabled(user, enabled);
        audit.record(caller, enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, user.id(),
                user.username(), null);
        return changed;
    }

    /**
     * Disables or enables several users: every id is checked first (the organization's, and not the
     * caller's own when disabling), so a bad one changes nobody; the problem names it as
     * {@code user_ids[i]}. Each change is audited like a single one.
     */
    public List<UserView> setEnabled(Caller caller, List<String> ids, boolean enabled) {
        List<String> distinct = ids.stream().distinct().toList();
        for (int i = 0; i < distinct.size(); i++) {
            String id = distinct.get(i);
            String field = "user_ids[" + ids.indexOf(id) + "]";
            if (directory.find(caller.requireOrganization(), id).isEmpty()) {
                throw new InvalidFieldException(field, "is not a user of your organization");
            }
            if (!enabled && id.equals(caller.userId())) {
                throw new InvalidFieldException(field, "is your own account, which you cannot disable");
            }
        }
        return distinct.stream().map(id -> setEnabled(caller, id, enabled)).toList();
    }

    private UserView inOrganization(Caller caller, String id) {
        return directory.find(caller.requireOrganization(), id).orElseThrow(() -> new NotFoundException("user", id));
    }
}
