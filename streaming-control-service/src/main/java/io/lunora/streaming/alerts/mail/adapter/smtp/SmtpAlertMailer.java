package io.lunora.streaming.alerts.mail.adapter.smtp;

import io.lunora.streaming.alerts.mail.AlertMail;
import io.lunora.streaming.alerts.mail.AlertMailer;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends an alert mail as plain text over SMTP (spring.mail.*: locally auth-service's embedded server). */
public final class SmtpAlertMailer implements AlertMailer {
    private final JavaMailSender sender;
    private final String from;

    public SmtpAlertMailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(AlertMail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(mail.subject());
        message.setText(mail.text());
        try {
            sender.send(message);
        } catch (MailParseException | MailPreparationException | MailAuthenticationException permanent) {
            throw new NotSent(permanent.getClass().getSimpleName(), false);
        } catch (MailException failed) { // the server unreachable or refusing for now
            throw new NotSent(failed.getClass().getSimpleName(), true);
        }
    }
}
