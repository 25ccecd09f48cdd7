package io.lunora.auth.users;

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

    UserResetService(UserDirectory directory) {
        this.directory = directory;
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
        }
        if (request.resetsPassword()) {
            user = directory.resetPassword(user);
        }
        log.info("User {} reset by {}: password {}, MFA {}", user.id(), caller.userId(), request.resetsPassword(),
                request.resetsMfa());
        return user;
    }
}
