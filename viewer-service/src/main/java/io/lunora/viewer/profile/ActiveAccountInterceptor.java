package io.lunora.viewer.web;

import io.lunora.support.problem.ProblemJson;
import io.lunora.viewer.profile.ProfileStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** A viewer disabled by a consumer admin (ban) is refused everywhere except their own profile, export and deletion. */
@Component
class ActiveAccountInterceptor implements HandlerInterceptor {
    private final ProfileStore profiles;

    ActiveAccountInterceptor(ProfileStore profiles) {
        this.profiles = profiles;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                && profiles.isDisabled(jwt.getSubject())) {
            ProblemJson.write(response, 403, "Account disabled",
                    "This account was disabled by a moderator.");
            return false;
        }
        return true;
    }
}
