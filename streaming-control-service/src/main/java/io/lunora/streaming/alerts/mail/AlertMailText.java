package io.lunora.streaming.alerts.mail;

import io.lunora.streaming.alerts.Alert;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of an alert e-mail: subject with severity, kind and source; a plain-text body with the
 * times, what happened and a link to the admin console. Nothing secret goes out: an alert's message
 * repeats what the media backend said, so any URL in it is cut to its scheme and host (a publish
 * URL's path holds the stream key) and any {@code passphrase=}, {@code key=}, {@code token=} or
 * {@code secret=} value is removed.
 */
final class AlertMailText {
    private static final Pattern URL = Pattern.compile("(?i)\\b((?:rtmps?|srt|https?|rtsp)://[^/\\s?#]+)[^\\s]*");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)\\b(passphrase|streamid|stream_key|stream-key|key|token|secret|password)\\s*([=:])\\s*[^\\s,;&]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private AlertMailText() {
    }

    static AlertMail of(Alert alert, String to, boolean reminder, String adminConsoleUrl) {
        String severity = alert.severity().value().toUpperCase(Locale.ROOT);
        String kind = words(alert.kind().value());
        String subject = oneLine((reminder ? "[Lunora " + severity + "] Still open: " : "[Lunora " + severity + "] ")
                + kind + " on " + alert.source());
        String text = severity + " alert: " + kind + "\n\n"
                + "Source:      " + oneLine(alert.source()) + "\n"
                + "First seen:  " + alert.firstSeen() + "\n"
                + "Last seen:   " + alert.lastSeen() + "\n"
                + "Occurrences: " + alert.count() + "\n"
                + "State:       " + alert.state().value() + "\n\n"
                + "What happened:\n" + scrub(alert.message()) + "\n\n"
                + "Acknowledge it in the admin console: " + adminConsoleUrl + "\n"
                + "Alert id: " + alert.alertId() + "\n\n"
                + (reminder ? "This is a reminder: the alert is still open and occurred again.\n" : "")
                + "You receive this because an admin of your organization added " + to
                + " to the alert e-mail recipients.\n";
        return new AlertMail(to, subject, text);
    }

    static String scrub(String message) {
        if (message == null) {
            return "";
        }
        String cut = URL.matcher(message).replaceAll("$1/…");
        return SECRET_VALUE.matcher(cut).replaceAll("$1$2…");
    }

    private static String words(String value) {
        String spaced = value.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** A subject or header field is one line: a line break in it would start a header of its own. */
    private static String oneLine(String text) {
        return CONTROL.matcher(scrub(text)).replaceAll(" ");
    }
}
