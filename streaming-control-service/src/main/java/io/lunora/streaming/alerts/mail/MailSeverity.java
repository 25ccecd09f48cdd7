package io.lunora.streaming.alerts.mail;

import io.lunora.streaming.alerts.AlertSeverity;

/**
 * The order a recipient's minimum severity is read in: critical, warning, cost, info. A budget
 * alert matters more than a notice (a failover that worked, a session that ended) and less than a
 * warning of the program on air; "info" is everything.
 */
final class MailSeverity {
    private MailSeverity() {
    }

    static boolean atLeast(AlertSeverity severity, AlertSeverity minimum) {
        return rank(severity) >= rank(minimum);
    }

    private static int rank(AlertSeverity severity) {
        return switch (severity) {
            case CRITICAL -> 4;
            case WARNING -> 3;
            case COST -> 2;
            case INFO -> 1;
        };
    }
}
