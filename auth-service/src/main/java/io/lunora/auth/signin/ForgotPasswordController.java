package io.lunora.auth.signin;

import io.lunora.auth.reset.ForgotPasswordService;
import io.lunora.auth.reset.ForgotPasswordService.Outcome;
import io.lunora.model.identity.Pool;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot password" from the sign-in page, in the pool of the application that sent the browser
 * there (like the sign-in itself). The answer to a request never tells whether the account exists.
 */
@Controller
@ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
class ForgotPasswordController {
    private static final String OPEN_APP = "Open the application you want to use: it sends you here to sign in.";

    private final ForgotPasswordService service;
    private final SignInSession session;

    ForgotPasswordController(ForgotPasswordService service, SignInSession session) {
        this.service = service;
        this.session = session;
    }

    @GetMapping("/auth/forgot")
    ResponseEntity<String> form(HttpServletRequest request) {
        return ForgotPasswordPages.ask(request, HttpStatus.OK, null);
    }

    @PostMapping("/auth/forgot")
    ResponseEntity<String> ask(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(required = false) String account) {
        Optional<Pool> pool = session.requestedPool(request, response);
        if (pool.isEmpty()) {
            return ForgotPasswordPages.ask(request, HttpStatus.BAD_REQUEST, OPEN_APP);
        }
        if (!service.request(pool.get(), account, request.getRemoteAddr())) {
            ResponseEntity<String> page = ForgotPasswordPages.ask(request, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many requests from your network. Try again in 15 minutes.");
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).headers(page.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "900").body(page.getBody());
        }
        return ForgotPasswordPages.enterCode(request, HttpStatus.OK, null, ForgotPasswordPages.MAILED, account,
                service.policy(pool.get()).describe());
    }

    @PostMapping("/auth/forgot/reset")
    ResponseEntity<String> reset(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(required = false) String account, @RequestParam(required = false) String code,
            @RequestParam(required = false) String password, @RequestParam(required = false) String confirmation) {
        Optional<Pool> pool = session.requestedPool(request, response);
        if (pool.isEmpty()) {
            return ForgotPasswordPages.ask(request, HttpStatus.BAD_REQUEST, OPEN_APP);
        }
        String policy = service.policy(pool.get()).describe();
        if (password == null || !password.equals(confirmation)) {
            return ForgotPasswordPages.enterCode(request, HttpStatus.BAD_REQUEST, "The two passwords differ.", null,
                    account, policy);
        }
        return switch (service.reset(pool.get(), account, code, password)) {
            case Outcome.Changed changed -> ForgotPasswordPages.changed(request);
            case Outcome.BadCode bad -> ForgotPasswordPages.enterCode(request, HttpStatus.BAD_REQUEST,
                    "The code is wrong or expired. Check the mail, or ask for a new code.", null, account, policy);
            case Outcome.PasswordRefused refused -> ForgotPasswordPages.enterCode(request, HttpStatus.BAD_REQUEST,
                    refused.message(), null, account, policy);
        };
    }
}
