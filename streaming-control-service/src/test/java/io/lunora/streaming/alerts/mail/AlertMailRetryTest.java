package io.lunora.streaming.alerts.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.streaming.alerts.Alert;
import io.lunora.streaming.alerts.AlertKind;
import io.lunora.streaming.alerts.AlertSeverity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery's failure handling, with the mail service played by a stand-in of the port: a mail
 * not taken is sent again with growing waits, a refusal that cannot change is not, and a mail
 * service that hangs never holds up the alert path (a full queue drops, it does not wait).
 */
class AlertMailRetryTest {
    static final AlertRecipient RECIPIENT = new AlertRecipient("org-r", "ar-1", "ops@example.com",
            AlertSeverity.CRITICAL, Set.of(), "ada", Instant.parse("2026-12-01T00:00:00Z"));
    static final AlertRecipientStore ONE_RECIPIENT = new AlertRecipientStore() {
        public List<AlertRecipient> list(String organizationId) {
            return List.of(RECIPIENT);
        }

        public Optional<AlertRecipient> find(String organizationId, String recipientId) {
            return Optional.of(RECIPIENT);
        }

        public void save(AlertRecipient recipient) {
        }

        public void delete(String organizationId, String recipientId) {
        }
    };

    AlertMailDelivery delivery;

    @AfterEach
    void stop() {
        delivery.destroy();
    }

    AlertMailDelivery delivery(AlertMailer mailer, int queueCapacity) {
        delivery = new AlertMailDelivery(ONE_RECIPIENT, mailer, new AlertMailProperties("smtp", null, null, null, 3,
                Duration.ofMillis(200), queueCapacity), Clock.systemUTC());
        return delivery;
    }

    static Alert sourceLost(String id) {
        return Alert.raised("org-r", id, AlertKind.SOURCE_LOST, "primary", null, true, "Primary input lost",
                Instant.now());
    }

    @Test
    void shouldSendAgainWithBackoffUntilTheMailServiceTakesIt() {
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        delivery((mail) -> {
            attempts.add(Instant.now());
            if (attempts.size() < 3) {
                throw new AlertMailer.NotSent("MailSendException", true);
            }
        }, 10).changed(sourceLost("al-1"));

        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.size() == 3);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(180));
        // exponential: the second wait is twice the first
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(380));
    }

    @Test
    void shouldNotSendAgainWhatTheMailServiceRefusesForGood() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        delivery((mail) -> {
            attempts.incrementAndGet();
            throw new AlertMailer.NotSent("MailParseException", false);
        }, 10).changed(sourceLost("al-2"));

        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
        // longer than the backoff of a second attempt
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).until(() -> attempts.get() == 1);
    }

    @Test
    void shouldNeverHoldUpTheAlertPathWhenTheMailServiceHangs() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger attempts = new AtomicInteger();
        AlertMailDelivery hanging = delivery((mail) -> {
            attempts.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 1);

        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            hanging.changed(sourceLost("al-hang-" + i));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        release.countDown();
        // two workers and one queued: the rest were dropped, not waited for
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 3);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> attempts.get() == 3);
    }
}
