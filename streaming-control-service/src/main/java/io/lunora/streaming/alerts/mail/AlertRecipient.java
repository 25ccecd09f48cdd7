package io.lunora.streaming.alerts.mail;

import io.lunora.streaming.alerts.Alert;
import io.lunora.streaming.alerts.AlertKind;
import io.lunora.streaming.alerts.AlertSeverity;
import java.time.Instant;
import java.util.Set;

/**
 * An admin's alert e-mail rule: {@code email} is sent the alerts of its organization that are at
 * least {@code minimumSeverity} urgent and, when {@code kinds} is not empty, of those kinds only.
 */
public record AlertRecipient(String organizationId, String recipientId, String email, AlertSeverity minimumSeverity,
        Set<AlertKind> kinds, String createdBy, Instant createdAt) {

    public AlertRecipient {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    public boolean wants(Alert alert) {
        return MailSeverity.atLeast(alert.severity(), minimumSeverity) && (kinds.isEmpty() || kinds.contains(alert.kind()));
    }
}
