package io.lunora.streaming.alerts.mail;

/** One plain-text alert e-mail to one recipient. */
public record AlertMail(String to, String subject, String text) {
}
