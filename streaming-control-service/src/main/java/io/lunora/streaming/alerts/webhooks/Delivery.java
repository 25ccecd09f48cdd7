package io.lunora.streaming.alerts.webhooks;

import java.time.Instant;

/**
 * One attempt to deliver an alert change to a webhook, as the delivery log keeps it.
 *
 * @param outcome    {@code delivered}, {@code failed} (another attempt follows), {@code gave_up} (the last
 *                   attempt failed) or {@code refused} (the host is not allowed now)
 * @param httpStatus the receiver's status; null when none came
 * @param error      why no answer came (the exception's type only); null otherwise
 */
public record Delivery(String webhookId, String alertId, String alertState, int attempt, String outcome,
        Integer httpStatus, String error, Instant time) {
}
