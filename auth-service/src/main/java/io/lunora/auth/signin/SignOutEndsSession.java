package io.lunora.auth.signin;

import io.lunora.auth.sessions.ConcurrentSessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * When the issuer's browser session of a sign-in ends (sign-out at the end-session endpoint or
 * {@code /logout}, idle timeout, or ended by a newer sign-in), its sign-in session ends too: it no
 * longer counts against the concurrent-session limit, and its access tokens are refused.
 */
@Configuration(proxyBeanMethods = false)
class SignOutEndsSession {
    private final ConcurrentSessions sessions;

    SignOutEndsSession(ConcurrentSessions sessions) {
        this.sessions = sessions;
    }

    /** Turns the servlet container's session ends into {@link HttpSessionDestroyedEvent}s. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @EventListener
    void onEnd(HttpSessionDestroyedEvent event) {
        for (SecurityContext context : event.getSecurityContexts()) {
            if (context.getAuthentication() != null
                    && context.getAuthentication().getPrincipal() instanceof SignedInUser user
                    && user.sessionId() != null) {
                sessions.end(user.userId(), user.sessionId());
            }
        }
    }
}
