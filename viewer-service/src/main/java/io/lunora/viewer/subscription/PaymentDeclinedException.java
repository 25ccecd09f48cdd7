package io.lunora.viewer.subscription;

/** The payment provider declined the charge; nothing was stored. Answered as 402. */
public class PaymentDeclinedException extends RuntimeException {
    public PaymentDeclinedException(String message) {
        super(message);
    }
}
