package io.lunora.auth.signin;

import io.lunora.auth.users.UserAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Moves a pending sign-in from step to step. Each page first asks {@link #at} whether the browser
 * is really at that step; a page cannot be skipped by typing the next address.
 */
@Component
class SignInSteps {
    private final SignInFlow flow;
    private final SignInSession session;

    SignInSteps(SignInFlow flow, SignInSession session) {
        this.flow = flow;
        this.session = session;
    }

    /** The pending sign-in and its user when the browser is at {@code step}; otherwise where it belongs. */
    Either at(HttpServletRequest request, SignInFlow.Step step) {
        Optional<PendingSignIn> pending = session.pending(request);
        if (pending.isEmpty()) {
            return new Either(null, null, redirect("/login"));
        }
        Optional<UserAccount> user = flow.current(pending.get());
        if (user.isEmpty()) {
            session.abandon(request);
            return new Either(null, null, redirect("/login"));
        }
        SignInFlow.Step actual = flow.next(pending.get(), user.get());
        if (actual != step) {
            return new Either(null, null, redirect(actual.path == null ? "/login" : actual.path));
        }
        return new Either(pending.get(), user.get(), null);
    }

    /** After a step succeeded: the next page, or back to the authorization request when none is left. */
    ResponseEntity<String> advance(HttpServletRequest request, HttpServletResponse response, PendingSignIn pending,
            UserAccount user) {
        session.keep(request, pending);
        SignInFlow.Step next = flow.next(pending, user);
        if (next == SignInFlow.Step.COMPLETE) {
            return redirect(session.complete(request, response, flow.signedIn(user, request.getRemoteAddr())));
        }
        return redirect(next.path);
    }

    static ResponseEntity<String> redirect(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }

    /** Either the state of the step ({@code pending}, {@code user}) or a {@code redirect} elsewhere. */
    record Either(PendingSignIn pending, UserAccount user, ResponseEntity<String> redirect) {
    }
}
