package io.lunora.auth.signin;

import io.lunora.auth.sessions.ConcurrentSessions;
import io.lunora.auth.users.UserAccount;
import io.lunora.model.identity.Pool;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * What a sign-in keeps in the HTTP session: the authorization request that sent the browser here
 * (it names the client and so the pool), the pending sign-in, and at the end the signed-in user.
 */
@Component
class SignInSession {
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final RegisteredClientRepository clients;
    private final Clock clock;
    private final ConcurrentSessions sessions;

    SignInSession(RegisteredClientRepository clients, Clock clock, ConcurrentSessions sessions) {
        this.clients = clients;
        this.clock = clock;
        this.sessions = sessions;
    }

    /** The pool of the client whose authorization request is waiting; empty without one. */
    Optional<Pool> requestedPool(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved == null || saved.getParameterValues("client_id") == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(clients.findByClientId(saved.getParameterValues("client_id")[0]))
                .flatMap(ClientPools::poolOf);
    }

    Optional<PendingSignIn> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((PendingSignIn) session.getAttribute(PendingSignIn.SESSION_ATTRIBUTE));
    }

    void keep(HttpServletRequest request, PendingSignIn pending) {
        request.getSession().setAttribute(PendingSignIn.SESSION_ATTRIBUTE, pending);
    }

    void abandon(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingSignIn.SESSION_ATTRIBUTE);
        }
    }

    /**
     * Signs the user in at this issuer (new session id against fixation, the group's idle timeout,
     * a new sign-in session that may end the user's oldest beyond the role's limit) and returns
     * where the browser goes next: back to the waiting authorization request.
     */
    String complete(HttpServletRequest request, HttpServletResponse response, UserAccount user) {
        abandon(request);
        request.changeSessionId();
        SessionLifetimes lifetimes = SessionLifetimes.of(user.group());
        request.getSession().setMaxInactiveInterval((int) lifetimes.idle().toSeconds());
        Instant now = clock.instant();
        SignedInUser principal = new SignedInUser(user.id(), user.username(), user.pool(), user.group(), now,
                sessions.start(user, lifetimes.absolute(), lifetimes.idle()));
        // the password factor's time becomes the ID token's auth_time
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(user.group().authority()),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(now).build());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        SavedRequest saved = requestCache.getRequest(request, response);
        return saved == null ? "/login?signed-in" : pathAndQuery(saved.getRedirectUrl());
    }

    /**
     * The saved request's URL was built from the request's host, which a client can forge (Host,
     * X-Forwarded-Host): only its path and query are sent back, relative to the host the browser used.
     */
    private static String pathAndQuery(String savedUrl) {
        URI uri = URI.create(savedUrl);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
