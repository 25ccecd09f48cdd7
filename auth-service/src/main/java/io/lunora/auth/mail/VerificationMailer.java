package io.lunora.auth.mail;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The mails of self-registration: the verification code, and the notice to an address already registered. */
@Component
public class VerificationMailer {
    private final JavaMailSender sender;
    private final MailProperties properties;

    VerificationMailer(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** @throws MailException when the SMTP server does not take the message */
    public void sendCode(String email, String username, String code, String verifyUrl) {
        send(email, "Your Lunora Live verification code", """
                Hello %s,

                welcome to Lunora Live. Your verification code is:

                Verification code: %s

                Enter it at %s
                The code is valid for one hour. If you did not create this account, ignore this mail.
                """.formatted(username, code, verifyUrl));
    }

    /** Someone registered with an address that already has an account: tell its owner, not the registrant. */
    public void sendAlreadyRegistered(String email, String existingUsername, String signInHint) {
        send(email, "Your Lunora Live account", """
                Hello %s,

                someone tried to create a new Lunora Live account with this email address, which
                already belongs to your account (user name: %s). No new account was created.

                If it was you, %s
                If it was not you, you can ignore this mail.
                """.formatted(existingUsername, existingUsername, signInHint));
    }

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
