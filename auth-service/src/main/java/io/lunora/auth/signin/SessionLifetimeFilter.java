package io.lunora.auth.signin;

import io.lunora.auth.sessions.ConcurrentSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a sign-in session that has reached its absolute limit (the idle limit is the servlet
 * session's own timeout, set when the sign-in completes) or that the concurrent-session limit
 * ended (a newer sign-in of the same user elsewhere). The next authorization request then asks for
 * the password again.
 */
public class SessionLifetimeFilter extends OncePerRequestFilter {
    private final Clock clock;
    private final ConcurrentSessions sessions;

    public SessionLifetimeFilter(Clock clock, ConcurrentSessions sessions) {
        this.clock = clock;
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && (user.signedInAt().plus(SessionLifetimes.of(user.group()).absolute()).isBefore(clock.instant())
                        || sessions.ended(user.userId(), user.sessionId()))) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
