package io.lunora.streaming.alerts.mail;

/** Outgoing port: sends one alert e-mail (SMTP locally, SES in aws mode). */
public interface AlertMailer {

    /** @throws NotSent when the mail service did not take it */
    void send(AlertMail mail);

    /**
     * The mail was not taken. {@code retryable} is false when trying again cannot help (an address
     * or sender the mail service refuses); the message names the failure's type only.
     */
    final class NotSent extends RuntimeException {
        private final boolean retryable;

        public NotSent(String reason, boolean retryable) {
            super(reason, null, false, false);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
