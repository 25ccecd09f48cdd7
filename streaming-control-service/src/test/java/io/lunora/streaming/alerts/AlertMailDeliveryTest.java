package io.lunora.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.lunora.model.identity.Group;
import io.lunora.streaming.media.MediaEvent;
import io.lunora.streaming.testing.PeerStandIns;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Alert e-mail through a real SMTP server (GreenMail, as auth-service embeds it locally) on
 * DynamoDB Local, from the real alert path: the admins' recipient a critical alert reaches, with
 * its subject and no secret; an alert under a recipient's minimum severity that does not; a
 * flapping input that is one mail, not one per repeat, and a reminder once the interval passed.
 * Each test uses its own organization and addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lunora.alerts.mail.reminder-interval=8s", "lunora.alerts.mail.admin-console-url=https://admin.live.example.com/",
        "lunora.alerts.mail.from=alerts@lunora.test"})
class AlertMailDeliveryTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(AlertCentreApiTest::engine);
    static final HttpClient http = HttpClient.newHttpClient();
    static final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        smtp.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stopMailServer() {
        smtp.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    MediaAlerts mediaAlerts;
    @Autowired
    AlertCentre centre;

    @Test
    void shouldMailACriticalAlertToTheRecipientWithSeverityKindAndSourceAndNoSecret() throws Exception {
        String admin = standIns.issuer().userToken("ada", "org-mail-critical", Group.ADMINS);
        addRecipient(admin, "oncall@critical.example.com", "critical");

        mediaAlerts.onMediaEvent(new MediaEvent.OutputStateChanged("org-mail-critical", Instant.now(), "d-yt", "failed",
                "publish to rtmp://a.rtmp.youtube.com/live2/abcd-efgh-STREAMKEY failed; srt passphrase=hunter2hunter2"));

        MimeMessage mail = awaitMails("oncall@critical.example.com", 1).getFirst();
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("oncall@critical.example.com");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("alerts@lunora.test");
        assertThat(mail.getSubject()).isEqualTo("[Lunora CRITICAL] Destination disconnected on d-yt");
        String text = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(text).contains("Source:      d-yt", "State:       open", "Acknowledge it in the admin console: https://admin.live.example.com/\n",
                "rtmp://a.rtmp.youtube.com/…");
        assertThat(text + mail.getSubject()).doesNotContain("STREAMKEY").doesNotContain("hunter2");
    }

    @Test
    void shouldNotMailAnAlertUnderTheRecipientsMinimumSeverity() throws Exception {
        String admin = standIns.issuer().userToken("ada", "org-mail-threshold", Group.ADMINS);
        addRecipient(admin, "pager@threshold.example.com", "warning");
        addRecipient(admin, "everything@threshold.example.com", "info");

        centre.raise("org-mail-threshold", AlertKind.SESSION_COMPLETED, "s-1", null, false, "Session s-1 completed",
                Instant.now());

        // the same delivery mails every recipient of the alert: once the info one has it, the other was passed over
        assertThat(awaitMails("everything@threshold.example.com", 1).getFirst().getSubject())
                .isEqualTo("[Lunora INFO] Session completed on s-1");
        assertThat(mailsTo("pager@threshold.example.com")).isEmpty();
    }

    @Test
    void shouldMailAFlappingInputOnceAndRemindOnlyAfterTheInterval() throws Exception {
        String admin = standIns.issuer().userToken("ada", "org-mail-flap", Group.ADMINS);
        addRecipient(admin, "ops@flap.example.com", "critical");

        Instant t0 = Instant.now();
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            mediaAlerts.onMediaEvent(new MediaEvent.InputSwitched("org-mail-flap", t0.plusMillis(100L * i), "primary",
                    "slate", "signal_lost"));
            mediaAlerts.onMediaEvent(new MediaEvent.InputSwitched("org-mail-flap", t0.plusMillis(100L * i + 50),
                    "slate", "primary", "signal_restored"));
        }
        Duration flapping = Duration.ofNanos(System.nanoTime() - start);
        assertThat(flapping).as("the repeats must all fall within the reminder interval").isLessThan(Duration.ofSeconds(6));
        assertThat(awaitMails("ops@flap.example.com", 1).getFirst().getSubject())
                .isEqualTo("[Lunora CRITICAL] Source lost on primary");
        // the 19 repeats within the reminder interval are not mailed
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
                .until(() -> mailsTo("ops@flap.example.com").size() == 1);

        // past the 8 s reminder interval from the first occurrence: the next repeat is a reminder
        await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() - start >= Duration.ofMillis(8500).toNanos());
        mediaAlerts.onMediaEvent(new MediaEvent.InputSwitched("org-mail-flap", Instant.now(), "primary", "slate",
                "signal_lost"));
        List<MimeMessage> mails = awaitMails("ops@flap.example.com", 2);
        assertThat(mails.get(1).getSubject()).isEqualTo("[Lunora CRITICAL] Still open: Source lost on primary");
        assertThat(((String) mails.get(1).getContent())).contains("Occurrences: 21");
    }

    void addRecipient(String token, String email, String severity) throws Exception {
        HttpResponse<String> added = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/alerts/recipients")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"minimum_severity\":\""
                        + severity + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    static List<MimeMessage> awaitMails(String to, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(to).size() >= count);
        return mailsTo(to);
    }

    static List<MimeMessage> mailsTo(String to) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
