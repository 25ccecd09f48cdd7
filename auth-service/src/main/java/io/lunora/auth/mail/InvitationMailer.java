package io.lunora.auth.mail;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends the invitation with the temporary password. The password goes into the mail only. */
@Component
public class InvitationMailer {
    private final JavaMailSender sender;
    private final MailProperties properties;

    InvitationMailer(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** @throws MailException when the SMTP server does not take the message */
    public void sendInvitation(String email, String username, String temporaryPassword, String signInUrl) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(email);
        message.setSubject("Your Lunora Live invitation");
        message.setText("""
                Hello %s,

                an administrator of your organization invited you to Lunora Live.

                User name:          %s
                Temporary password: %s

                Sign in at %s
                You will then choose your own password and set up two-step verification
                with an authenticator app.
                """.formatted(username, username, temporaryPassword, signInUrl));
        sender.send(message);
    }
}
