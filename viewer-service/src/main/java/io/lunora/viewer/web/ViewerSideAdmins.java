package io.lunora.viewer.web;

import io.lunora.model.identity.Group;
import io.lunora.support.security.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who administers the viewer side, which all organizations share (one portal, one viewer pool):
 * consumer admins and the platform's own admins. An organization's admin edits only their
 * organization's catalog entries (issue 14 row 9: another organization's admin changed a viewer).
 */
public final class ViewerSideAdmins {
    private ViewerSideAdmins() {
    }

    static boolean administersViewers(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken jwt && seesEveryOrganization(Caller.from(jwt.getToken()));
    }

    /** Consumer admins and platform admins see every organization's catalog entries. */
    public static boolean seesEveryOrganization(Caller caller) {
        return caller.isIn(Group.CONSUMER_ADMINS) || caller.administersPlatform();
    }
}
