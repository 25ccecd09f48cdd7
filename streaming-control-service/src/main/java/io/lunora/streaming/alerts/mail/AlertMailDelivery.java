package io.lunora.streaming.alerts.mail;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.lunora.streaming.alerts.Alert;
import io.lunora.streaming.alerts.AlertListener;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Mails an alert to each recipient of its organization whose rule wants it, when its group opens
 * and as a reminder at most once per {@code lunora.alerts.mail.reminder-interval} ({@link MailSchedule}).
 * The alert path only decides and queues: recipients are read and mails sent by two workers behind a
 * bounded queue (a full queue drops the alert's mails, logged), and a mail the mail service did not
 * take is sent again with exponential backoff (Resilience4j Retry), then given up, logged.
 */
@Component
class AlertMailDelivery implements AlertListener, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(AlertMailDelivery.class);
    private static final int WORKERS = 2;

    private final AlertRecipientStore recipients;
    private final AlertMailer mailer;
    private final AlertMailProperties properties;
    private final MailSchedule schedule;
    private final RetryConfig retryConfig;
    private final ThreadPoolExecutor workers;

    AlertMailDelivery(AlertRecipientStore recipients, AlertMailer mailer, AlertMailProperties properties, Clock clock) {
        this.recipients = recipients;
        this.mailer = mailer;
        this.properties = properties;
        this.schedule = new MailSchedule(properties.reminderInterval(), clock);
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(properties.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(properties.firstBackoff(), 2.0))
                .retryOnException(failed -> failed instanceof AlertMailer.NotSent notSent && notSent.retryable())
                .build();
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), r -> {
                    Thread t = new Thread(r, "alert-mail-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public void changed(Alert alert) {
        MailSchedule.Occasion occasion = schedule.occasionOf(alert);
        if (occasion == MailSchedule.Occasion.NONE) {
            return;
        }
        try {
            workers.execute(() -> mailRecipients(alert, occasion == MailSchedule.Occasion.REMINDER));
        } catch (RejectedExecutionException full) {
            log.warn("Alert mail queue full: alert {} not mailed", alert.alertId());
        }
    }

    private void mailRecipients(Alert alert, boolean reminder) {
        List<AlertRecipient> wanting;
        try {
            wanting = recipients.list(alert.organizationId()).stream().filter(r -> r.wants(alert)).toList();
        } catch (RuntimeException storeDown) {
            log.warn("Alert {} not mailed: recipients unreadable ({})", alert.alertId(),
                    storeDown.getClass().getSimpleName());
            return;
        }
        for (AlertRecipient recipient : wanting) {
            send(recipient, AlertMailText.of(alert, recipient.email(), reminder, properties.adminConsoleUrl()), alert);
        }
    }

    private void send(AlertRecipient recipient, AlertMail mail, Alert alert) {
        Retry retry = Retry.of("alert-mail-" + recipient.recipientId(), retryConfig);
        AtomicInteger attempts = new AtomicInteger();
        try {
            Retry.decorateRunnable(retry, () -> {
                attempts.incrementAndGet();
                mailer.send(mail);
            }).run();
            log.info("Alert {} mailed to recipient {}", alert.alertId(), recipient.recipientId());
        } catch (RuntimeException gaveUp) {
            log.warn("Alert {} not mailed to recipient {} after {} attempt(s): {}", alert.alertId(),
                    recipient.recipientId(), attempts.get(), gaveUp.getMessage());
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
