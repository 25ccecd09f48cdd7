package io.lunora.auth.organizations;

import java.util.List;

/** Where the organizations are kept (a handful: read whole). */
public interface OrganizationStore {

    /** Stores a new organization; an id already taken is a {@link io.lunora.support.problem.ConflictException}. */
    void create(Organization organization);

    /** Stores the organization unless its id is taken; true when it was stored. */
    boolean createIfAbsent(Organization organization);

    /** Every organization, by id. */
    List<Organization> all();

    /** Removes an organization; nothing happens when there is none. */
    void delete(String id);
}
