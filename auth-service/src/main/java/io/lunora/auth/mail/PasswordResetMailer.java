package io.lunora.auth.mail;

import java.time.Duration;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The mails of a password reset: an admin's temporary password, or the user's own reset code. Secrets go into the mail only. */
@Component
public class PasswordResetMailer {
    private final JavaMailSender sender;
    private final MailProperties properties;

    PasswordResetMailer(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** @throws MailException when the SMTP server does not take the message */
    public void sendTemporaryPassword(String email, String username, String temporaryPassword, String signInUrl) {
        send(email, "Your Lunora Live password was reset", """
                Hello %s,

                an administrator of your organization reset your password. Every device
                signed in to your account has been signed out.

                User name:          %s
                Temporary password: %s

                Sign in at %s
                You will then choose a new password of your own.
                """.formatted(username, username, temporaryPassword, signInUrl));
    }

    /** @throws MailException when the SMTP server does not take the message */
    public void sendResetCode(String email, String username, String code, Duration validFor) {
        send(email, "Reset your Lunora Live password", """
                Hello %s,

                someone asked to reset the password of your Lunora Live account.

                Reset code: %s

                Enter it on the sign-in page within %d minutes to choose a new password;
                it works once. If it was not you, ignore this mail: your password stays as it is.
                """.formatted(username, code, validFor.toMinutes()));
    }

    private void send(String email, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(email);
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
