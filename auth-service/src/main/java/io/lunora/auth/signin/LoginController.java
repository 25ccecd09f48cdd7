package io.lunora.auth.signin;

import io.lunora.model.identity.Pool;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
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
    ResponseEntity<String> form(HttpServletRequest request, @RequestParam(name = "signed-in", required = false) String signedIn,
            @RequestParam(name = "logout", required = false) String loggedOut) {
        String notice = signedIn != null ? "You are signed in. Return to your application."
                : loggedOut != null ? "You are signed out." : null;
        return Pages.login(request, null, notice);
    }

    @PostMapping("/login")
    ResponseEntity<String> signIn(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(required = false) String username, @RequestParam(required = false) String password) {
        Optional<Pool> pool = session.requestedPool(request, response);
        if (pool.isEmpty()) {
            return withStatus(Pages.login(request,
                    "Open the application you want to use: it sends you here to sign in.", null),
                    HttpStatus.BAD_REQUEST);
        }
        session.abandon(request);
        return switch (flow.checkPassword(pool.get(), username, password)) {
            case SignInFlow.PasswordCheck.Refused refused -> withStatus(Pages.login(request, refused.message(), null),
                    HttpStatus.UNAUTHORIZED);
            case SignInFlow.PasswordCheck.Accepted accepted -> steps.advance(request, response,
                    new PendingSignIn(accepted.user().id(), pool.get(), false, null), accepted.user());
        };
    }

    static ResponseEntity<String> withStatus(ResponseEntity<String> page, HttpStatus status) {
        return ResponseEntity.status(status).headers(page.getHeaders()).body(page.getBody());
    }
}
