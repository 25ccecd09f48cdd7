package io.lunora.auth.signin;

import io.lunora.auth.mfa.MfaService;
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
 * TOTP enrolment at the first sign-in of an internal user: show the secret, confirm it with a
 * code, show the backup codes once, then continue to the application.
 */
@Controller
class MfaEnrolmentController {
    private final SignInSteps steps;
    private final SignInSession session;
    private final MfaService mfa;

    MfaEnrolmentController(SignInSteps steps, SignInSession session, MfaService mfa) {
        this.steps = steps;
        this.session = session;
        this.mfa = mfa;
    }

    @GetMapping("/auth/mfa/setup")
    ResponseEntity<String> form(HttpServletRequest request) {
        SignInSteps.Either state = steps.at(request, SignInFlow.Step.ENROL_MFA);
        if (state.redirect() != null) {
            return state.redirect();
        }
        MfaService.Enrolment enrolment = mfa.start(state.user());
        session.keep(request, state.pending().withEnrolmentSecret(enrolment.secret()));
        return Pages.enrolMfa(request, HttpStatus.OK, null, enrolment.secret(), enrolment.otpauthUri());
    }

    @PostMapping("/auth/mfa/setup")
    ResponseEntity<String> confirm(HttpServletRequest request, @RequestParam(required = false) String code) {
        SignInSteps.Either state = steps.at(request, SignInFlow.Step.ENROL_MFA);
        if (state.redirect() != null) {
            return state.redirect();
        }
        String secret = state.pending().enrolmentSecret();
        if (secret == null) {
            return SignInSteps.redirect("/auth/mfa/setup");
        }
        Optional<MfaService.Confirmed> confirmed = mfa.confirm(state.user(), secret, code);
        if (confirmed.isEmpty()) {
            MfaService.Enrolment same = mfa.enrolment(state.user(), secret);
            return Pages.enrolMfa(request, HttpStatus.BAD_REQUEST, "That code is not valid. Check the time on "
                    + "your device and enter the current code.", same.secret(), same.otpauthUri());
        }
        session.keep(request, state.pending().withMfaPassed());
        return Pages.backupCodes(request, confirmed.get().backupCodes());
    }

    @PostMapping("/auth/continue")
    ResponseEntity<String> proceed(HttpServletRequest request, HttpServletResponse response) {
        SignInSteps.Either state = steps.at(request, SignInFlow.Step.COMPLETE);
        if (state.redirect() != null) {
            return state.redirect();
        }
        return steps.advance(request, response, state.pending(), state.user());
    }
}
