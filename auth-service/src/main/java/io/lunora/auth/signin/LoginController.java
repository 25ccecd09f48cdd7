package io.lunora.auth.signin;

import io.lunora.auth.signin.throttle.SignInRefusal;
import io.lunora.model.identity.Pool;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first step of a sign-in: user name and password, checked in the pool of the client that
 * asked for the sign-in. A user of the other pool is unknown there.
 */
@Controller
class LoginController {
    private final SignInFlow flow;
    private final SignInSession session;
    private final SignInSteps steps;

    LoginController(SignInFlow flow, SignInSession session, SignInSteps steps) {
        this.flow = flow;
        this.session = session;
        this.steps = steps;
    }

    @GetMapping("/login")
    ResponseEntity<String> form(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(name = "signed-in", required = false) String signedIn,
            @RequestParam(name = "logout", required = false) String loggedOut,
            @RequestParam(required = false) String verified) {
        String notice = signedIn != null ? "You are signed in. Return to your application."
                : loggedOut != null ? "You are signed out."
                : verified != null ? "Your email address is verified. Sign in to continue." : null;
        return Pages.login(request, null, notice, offersRegistration(request, response));
    }

    /** Viewers may create an account; the internal pool is by invitation only. */
    private boolean offersRegistration(HttpServletRequest request, HttpServletResponse response) {
        return session.requestedPool(request, response).filter(p -> p == Pool.CONSUMER).isPresent();
    }

    @PostMapping("/login")
    ResponseEntity<String> signIn(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(required = false) String username, @RequestParam(required = false) String password) {
        Optional<Pool> pool = session.requestedPool(request, response);
        if (pool.isEmpty()) {
            return withStatus(Pages.login(request,
                    "Open the application you want to use: it sends you here to sign in.", null, false),
                    HttpStatus.BAD_REQUEST);
        }
        session.abandon(request);
        return switch (flow.checkPassword(pool.get(), username, password, request.getRemoteAddr())) {
            case SignInFlow.PasswordCheck.Throttled throttled -> throttled(Pages.login(request,
                    throttled.refusal().message(), null, pool.get() == Pool.CONSUMER), throttled.refusal());
            case SignInFlow.PasswordCheck.Refused refused -> withStatus(Pages.login(request, refused.message(), null,
                    pool.get() == Pool.CONSUMER), HttpStatus.UNAUTHORIZED);
            case SignInFlow.PasswordCheck.Unverified unverified -> Pages.verify(request, HttpStatus.FORBIDDEN,
                    "Your email address is not verified yet. Enter the code we mailed to you, or ask for a new one.",
                    null, unverified.user().username());
            case SignInFlow.PasswordCheck.Accepted accepted -> steps.advance(request, response,
                    new PendingSignIn(accepted.user().id(), pool.get(), false, null), accepted.user());
        };
    }

    /** 429 with {@code Retry-After}: the page says in words how long to wait. */
    static ResponseEntity<String> throttled(ResponseEntity<String> page, SignInRefusal refusal) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).headers(page.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds())).body(page.getBody());
    }

    static ResponseEntity<String> withStatus(ResponseEntity<String> page, HttpStatus status) {
        return ResponseEntity.status(status).headers(page.getHeaders()).body(page.getBody());
    }
}
