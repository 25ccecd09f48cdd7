package io.lunora.viewer.subscription;

/**
 * Takes payment for a subscription period. Card data never reaches this service: the browser
 * hands a provider's payment-method reference, and the provider answers with a receipt id.
 */
public interface PaymentProvider {

    /** The provider's name as the API shows it, e.g. {@code local-test}. */
    String name();

    PaymentResult charge(PaymentRequest request);

    /**
     * @param idempotencyKey the subscription id: charging twice with one key charges once
     */
    record PaymentRequest(String viewerId, Plan plan, long amountCents, String currency, String paymentMethodId,
            String idempotencyKey) {
    }

    record PaymentResult(boolean succeeded, String paymentId, String declineReason) {
    }
}
