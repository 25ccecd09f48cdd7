package io.lunora.auth.signin;

import io.lunora.auth.users.PasswordPolicy;
import io.lunora.auth.users.Passwords;
import io.lunora.auth.users.UserAccount;
import io.lunora.support.problem.InvalidFieldException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The step after a temporary or expired password: choose a permanent one under the pool's policy. */
@Controller
class PasswordController {
    private final SignInSteps steps;
    private final SignInFlow flow;
    private final Passwords passwords;

    PasswordController(SignInSteps steps, SignInFlow flow, Passwords passwords) {
        this.steps = steps;
        this.flow = flow;
        this.passwords = passwords;
    }

    @GetMapping("/auth/password")
    ResponseEntity<String> form(HttpServletRequest request) {
        SignInSteps.Either state = steps.at(request, SignInFlow.Step.SET_PASSWORD);
        if (state.redirect() != null) {
            return state.redirect();
        }
        return Pages.setPassword(request, HttpStatus.OK, null, describe(passwords.policy(state.user().pool())));
    }

    @PostMapping("/auth/password")
    ResponseEntity<String> change(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation) {
        SignInSteps.Either state = steps.at(request, SignInFlow.Step.SET_PASSWORD);
        if (state.redirect() != null) {
            return state.redirect();
        }
        String policy = describe(passwords.policy(state.user().pool()));
        if (password == null || !password.equals(confirmation)) {
            return Pages.setPassword(request, HttpStatus.BAD_REQUEST, "The two passwords differ.", policy);
        }
        UserAccount changed;
        try {
            changed = flow.save(passwords.change(state.user(), password, false, "password"));
        } catch (InvalidFieldException refused) {
            return Pages.setPassword(request, HttpStatus.BAD_REQUEST, refused.getMessage(), policy);
        }
        return steps.advance(request, response, state.pending(), changed);
    }

    private static String describe(PasswordPolicy policy) {
        return policy.describe();
    }
}
