package io.lunora.viewer.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.viewer.ServiceTest;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class SubscriptionApiTest extends ServiceTest {
    @Autowired
    SubscriptionService subscriptions;

    String tierWatching(String token, String streamId) {
        return body(post("/api/viewing/start", token, "{\"stream_id\":\"%s\",\"device_type\":\"web\"}".formatted(streamId)))
                .path("tier").asString();
    }

    @Test
    void shouldUpgradeAccessThroughALocalTestPaymentAndDowngradeWhenThePeriodEnds() throws Exception {
        String premiumStream = liveStream("premium", "film", "Premiere");
        String name = unique("payer");
        String token = viewer(name, Group.FREE);
        assertProblem(post("/api/viewing/start", token, "{\"stream_id\":\"%s\",\"device_type\":\"web\"}".formatted(premiumStream)), 403, null);

        var paid = post("/api/viewers/subscribe", token, "{\"plan\":\"premium\",\"auto_renew\":false,\"payment_method_id\":\"pm_test_visa\"}");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        JsonNode status = body(paid);
        assertThat(status.path("provider").asString()).isEqualTo("local-test");
        assertThat(status.path("subscription_type").asString()).isEqualTo("premium");
        assertThat(status.path("current").path("payment_status").asString()).isEqualTo("paid");
        assertThat(status.path("current").path("amount_cents").asLong()).isEqualTo(999);
        assertThat(Files.readString(DATA_DIR.resolve("viewer/payments-local-test.jsonl")))
                .contains(viewerId(name)).contains("\"status\":\"succeeded\"");
        assertThat(tierWatching(token, premiumStream)).isEqualTo("premium");
        assertThat(body(get("/api/viewers/profile", token)).path("subscription_type").asString()).isEqualTo("premium");

        clock.advance(Duration.ofDays(31));
        subscriptions.renewAndExpire();
        assertProblem(post("/api/viewing/start", token, "{\"stream_id\":\"%s\",\"device_type\":\"web\"}".formatted(premiumStream)), 403, null);
        assertThat(body(get("/api/viewers/subscriptions", token)).path("subscription_type").asString()).isEqualTo("free");
    }

    @Test
    void shouldRenewAutoRenewingPeriodsOnce() {
        String token = viewer(unique("renew"), Group.FREE);
        post("/api/viewers/subscribe", token, "{\"plan\":\"vip\",\"payment_method_id\":\"pm_test_visa\"}");
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        subscriptions.renewAndExpire();
        subscriptions.renewAndExpire();

        JsonNode status = body(get("/api/viewers/subscriptions", token));
        assertThat(status.path("subscription_type").asString()).isEqualTo("vip");
        assertThat(status.path("periods").size()).as("one renewal, however often the job runs").isEqualTo(2);
    }

    @Test
    void shouldStoreNothingWhenThePaymentIsDeclinedOrTheRequestIsInvalid() {
        String token = viewer(unique("declined"), Group.FREE);
        var declined = post("/api/viewers/subscribe", token, "{\"plan\":\"premium\",\"payment_method_id\":\"pm_test_declined\"}");
        assertProblem(declined, 402, null);
        assertThat(body(declined).path("provider").asString()).isEqualTo("local-test");
        assertProblem(post("/api/viewers/subscribe", token, "{\"plan\":\"gold\"}"), 400, "plan");
        assertProblem(post("/api/viewers/subscribe", token, "{\"plan\":\"premium\"}"), 400, "payment_method_id");
        assertProblem(post("/api/viewers/subscribe", token, "{\"plan\":\"premium\",\"payment_method_id\":\"4111 1111 1111 1111\"}"), 400, "payment_method_id");
        assertThat(body(get("/api/viewers/subscriptions", token)).path("periods").size()).isZero();
    }

    @Test
    void shouldFallBackToThePoolGroupForViewersWhoNeverSubscribed() {
        String premiumStream = liveStream("premium", "film", "Group tier");
        assertThat(tierWatching(viewer(unique("grp"), Group.PREMIUM), premiumStream)).isEqualTo("premium");
    }

    @Test
    void shouldLetConsumerAdminsGrantAndCancelPlans() {
        String name = unique("granted");
        String token = viewer(name, Group.FREE);
        get("/api/viewers/profile", token);
        String admin = admin();
        var granted = post("/api/viewer-admin/subscriptions", admin, "{\"viewer_id\":\"%s\",\"plan\":\"vip\",\"days\":7}".formatted(viewerId(name)));
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        assertThat(body(get("/api/viewers/subscriptions", token)).path("subscription_type").asString()).isEqualTo("vip");

        assertThat(delete("/api/viewer-admin/subscriptions/" + body(granted).path("subscription_id").asString(), admin).statusCode()).isEqualTo(200);
        assertThat(body(get("/api/viewers/subscriptions", token)).path("subscription_type").asString()).isEqualTo("free");
        assertProblem(post("/api/viewer-admin/subscriptions", admin, "{\"viewer_id\":\"nobody-%s\",\"plan\":\"vip\",\"days\":7}".formatted(unique("x"))), 404, null);
        assertProblem(post("/api/viewer-admin/subscriptions", admin, "{\"viewer_id\":\"%s\",\"plan\":\"vip\",\"days\":0}".formatted(viewerId(name))), 400, "days");
    }
}
