package io.lunora.viewer.subscription;

import java.time.Instant;

/**
 * One paid (or granted) period of a plan (ViewerSubscriptions). No card data: {@code paymentMethodId}
 * is the provider's reference and {@code paymentId} the provider's receipt.
 *
 * @param paymentStatus {@code paid} (charged by the provider) or {@code granted} (by a consumer admin)
 */
public record Subscription(String subscriptionId, String viewerId, String subscriptionType, String startDate,
        String endDate, String paymentStatus, boolean autoRenew, String paymentMethodId, String provider,
        String paymentId, long amountCents, String currency, String createdAt) {

    public boolean activeAt(Instant now) {
        return ("paid".equals(paymentStatus) || "granted".equals(paymentStatus))
                && !now.isBefore(Instant.parse(startDate)) && now.isBefore(Instant.parse(endDate));
    }

    public Plan plan() {
        return Plan.fromWireValue(subscriptionType).orElse(Plan.FREE);
    }
}
