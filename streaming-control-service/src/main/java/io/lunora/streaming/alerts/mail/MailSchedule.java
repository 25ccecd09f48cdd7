package io.lunora.streaming.alerts.mail;

import io.lunora.streaming.alerts.Alert;
import io.lunora.streaming.alerts.AlertState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which alert changes are mailed: the opening of a group (its first occurrence), and a reminder of
 * one still open that occurs again, at most once per reminder interval. Repeats in between,
 * acknowledgement and resolution are not mailed. Kept in memory: after a restart an alert already
 * open is not mailed again before its next reminder.
 */
final class MailSchedule {
    enum Occasion { NONE, OPENED, REMINDER }

    private final Duration reminderInterval;
    private final Clock clock;
    /** Alert id → when it was last mailed (or first seen here); an entry leaves when its alert resolves. */
    private final Map<String, Instant> lastMailed = new ConcurrentHashMap<>();

    MailSchedule(Duration reminderInterval, Clock clock) {
        this.reminderInterval = reminderInterval;
        this.clock = clock;
    }

    Occasion occasionOf(Alert alert) {
        if (alert.isResolved()) {
            lastMailed.remove(alert.alertId());
            return Occasion.NONE;
        }
        Instant now = clock.instant();
        if (alert.count() == 1 && alert.state() == AlertState.OPEN) {
            return lastMailed.putIfAbsent(alert.alertId(), now) == null ? Occasion.OPENED : Occasion.NONE;
        }
        Instant last = lastMailed.putIfAbsent(alert.alertId(), now);
        if (last == null || alert.state() != AlertState.OPEN || !reminderInterval.isPositive()
                || now.isBefore(last.plus(reminderInterval))) {
            return Occasion.NONE;
        }
        return lastMailed.replace(alert.alertId(), last, now) ? Occasion.REMINDER : Occasion.NONE;
    }
}
