package io.lunora.auth.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Invitation mail.
 *
 * @param embedded run the embedded SMTP server (local mode) on 127.0.0.1:{@code smtpPort}
 * @param smtpPort the embedded server's port; the mail sender is pointed at it in local mode
 * @param from     the sender address of invitations
 * @param bindAddress where the embedded server listens: loopback, except in containers, where
 *                 streaming-control-service's alert e-mail comes from another container
 */
@ConfigurationProperties(prefix = "lunora.mail")
public record MailProperties(boolean embedded, int smtpPort, String from, String bindAddress) {
    public MailProperties {
        smtpPort = smtpPort == 0 ? 3025 : smtpPort;
        from = from == null || from.isBlank() ? "no-reply@lunora.local" : from;
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress;
    }
}
