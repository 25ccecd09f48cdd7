package io.lunora.viewer.subscription;

import io.lunora.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/viewers/subscriptions}, {@code POST /api/viewers/subscribe}. */
@RestController
class SubscriptionController {
    private final SubscriptionService subscriptions;

    SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * @param paymentMethodId the payment provider's reference for the viewer's payment method (never card data)
     */
    record SubscribeRequest(
            @NotNull @Pattern(regexp = "free|premium|vip", message = "must be one of free, premium, vip") String plan,
            Boolean autoRenew,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be a payment provider reference") String paymentMethodId) {
    }

    @GetMapping("/api/viewers/subscriptions")
    SubscriptionStatus subscriptions(Caller caller) {
        return subscriptions.status(caller.userId());
    }

    @PostMapping("/api/viewers/subscribe")
    SubscriptionStatus subscribe(Caller caller, @Valid @RequestBody SubscribeRequest request) {
        return subscriptions.subscribe(caller.userId(), Plan.fromWireValue(request.plan()).orElseThrow(),
                request.autoRenew() == null || request.autoRenew(), request.paymentMethodId());
    }

    @ExceptionHandler(PaymentDeclinedException.class)
    ResponseEntity<ProblemDetail> declined(PaymentDeclinedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYMENT_REQUIRED, ex.getMessage());
        problem.setTitle("Payment declined");
        problem.setProperty("provider", subscriptions.providerName());
        return ResponseEntity.status(HttpStatus.PAYMENT_REQUIRED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
