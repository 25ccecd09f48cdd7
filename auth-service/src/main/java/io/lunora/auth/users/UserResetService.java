package io.lunora.auth.users;

import io.lunora.auth.users.audit.AdminAudit;
import io.lunora.auth.users.audit.AuditAction;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.problem.InvalidFieldException;
import io.lunora.support.problem.NotFoundException;
import io.lunora.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An admin's reset of a user of their own organization (another organization's user is not found).
 * An admin cannot reset themselves: they change their own password and authenticator while signed in.
 */
@Service
class UserResetService {
    private static final Logger log = LoggerFactory.getLogger(UserResetService.class);

    private final UserDirectory directory;
    private final AdminAudit audit;

    UserResetService(UserDirectory directory, AdminAudit audit) {
        this.directory = directory;
        this.audit = audit;
    }

    UserView reset(Caller caller, String id, ResetUserRequest request) {
        if (!request.resetsPassword() && !request.resetsMfa()) {
            throw new InvalidFieldException("password", "Reset the password, the MFA enrolment (mfa) or both.");
        }
        UserView user = directory.find(caller.requireOrganization(), id)
                .orElseThrow(() -> new NotFoundException("user", id));
        if (user.id().equals(caller.userId())) {
            throw new ConflictException("You cannot reset your own account; ask another admin.");
        }
        if (request.resetsMfa()) {
            user = directory.resetMfa(user);
            audit.record(caller, AuditAction.MFA_RESET, user.id(), user.username(), null);
        }
        if (request.resetsPassword()) {
            user = directory.resetPassword(user);
            // the temporary password went to the user's mailbox only: the entry says where, never what
            audit.record(caller, AuditAction.PASSWORD_RESET, user.id(), user.username(),
                    "temporary password mailed to the user");
        }
        log.info("User {} reset by {}: password {}, MFA {}", user.id(), caller.userId(), request.resetsPassword(),
                request.resetsMfa());
        return user;
    }
}
