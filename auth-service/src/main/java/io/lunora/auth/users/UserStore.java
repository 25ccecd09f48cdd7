package io.lunora.auth.users;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import java.util.List;
import java.util.Optional;

/**
 * Where users live. Saves are conditional on the version read: a lost race is a
 * {@link io.lunora.support.problem.ConcurrentChangeException}.
 */
public interface UserStore {

    Optional<UserAccount> findById(String id);

    Optional<UserAccount> findByUsername(Pool pool, String username);

    Optional<UserAccount> findByEmail(Pool pool, String email);

    /** Users of an organization in a pool (the internal pool is small: tens of users). */
    List<UserAccount> findByOrganization(Pool pool, String organizationId);

    boolean anyInGroup(Group group);

    /** Removes the user; nothing happens when there is none. */
    void delete(String id);

    /** Creates (version null) or updates (same version as read); returns the stored user with its new version. */
    UserAccount save(UserAccount user);
}
