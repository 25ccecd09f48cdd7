package io.lunora.viewer.profile;

import io.lunora.support.problem.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A viewer disabled by a consumer admin (ban) is refused everywhere except their own profile, export and deletion. */
@Component
class ActiveAccountInterceptor implements HandlerInterceptor, WebMvcConfigurer {
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

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                .addPathPatterns("/api/viewers/**", "/api/viewing/**", "/api/social/**", "/api/analytics/**")
                // a disabled viewer may still see, export and delete what we hold about them
                .excludePathPatterns("/api/viewers/account", "/api/viewers/export", "/api/viewers/profile");
    }
}
