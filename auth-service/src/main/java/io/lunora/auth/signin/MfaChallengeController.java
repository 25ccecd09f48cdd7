package io.lunora.auth.signin;

import io.lunora.auth.mfa.MfaService;
import io.lunora.auth.signin.throttle.SignInRefusal;
import io.lunora.auth.users.UserAccount;
import io.lunora.support.problem.ConcurrentChangeException;
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
 * The second factor of every sign-in of an enrolled user: a TOTP code of a step not used before,
 * or an unused backup code. Wrong codes are throttled like wrong passwords (same counts, same delays).
 */
@Controller
class MfaChallengeController {
    private final SignInSteps steps;
    private final SignInSession session;
    private final SignInFlow flow;
    private final MfaService mfa;

    MfaChallengeController(SignInSteps steps, SignInSession session, SignInFlow flow, MfaService mfa) {
        this.steps = steps;
        this.session = session;
        this.flow = flow;
        this.mfa = mfa;
    }

    @GetMapping("/auth/mfa")
    ResponseEntity<String> form(HttpServletRequest request) {
        SignInSteps.Either state = steps.at(request, SignInFlow.Step.MFA_CHALLENGE);
        return state.redirect() != null ? state.redirect() : Pages.mfaChallenge(request, HttpStatus.OK, null);
    }

    @PostMapping("/auth/mfa")
    ResponseEntity<String> verify(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(required = false) String code) {
        SignInSteps.Either state = steps.at(request, SignInFlow.Step.MFA_CHALLENGE);
        if (state.redirect() != null) {
            return state.redirect();
        }
        String address = request.getRemoteAddr();
        Optional<SignInRefusal> throttled = flow.throttled(state.user(), address);
        if (throttled.isPresent()) {
            return LoginController.throttled(Pages.mfaChallenge(request, HttpStatus.OK, throttled.get().message()),
                    throttled.get());
        }
        Optional<UserAccount> accepted;
        try {
            accepted = mfa.verify(state.user(), code);
        } catch (ConcurrentChangeException concurrentUse) {
            accepted = Optional.empty(); // the same code or backup code was just accepted elsewhere
        }
        if (accepted.isEmpty()) {
            flow.recordFailure(state.user(), address);
            return Pages.mfaChallenge(request, HttpStatus.UNAUTHORIZED,
                    "That code is not valid or was already used.");
        }
        return steps.advance(request, response, state.pending().withMfaPassed(), accepted.get());
    }
}
