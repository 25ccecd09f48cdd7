package io.lunora.auth.mail;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends an {@link AccountMail} as plain text from the configured sender address. */
@Component
public class AccountMailer {
    private final JavaMailSender sender;
    private final MailProperties properties;

    AccountMailer(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** @throws MailException when the SMTP server does not take the message */
    public void send(String to, AccountMail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(mail.subject());
        message.setText(mail.text());
        sender.send(message);
    }
}
