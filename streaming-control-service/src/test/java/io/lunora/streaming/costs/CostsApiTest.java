package io.lunora.streaming.costs;

import static io.lunora.streaming.testing.ServiceApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.streaming.alerts.AlertCentre;
import io.lunora.streaming.alerts.AlertKind;
import io.lunora.streaming.sessions.OutputState;
import io.lunora.streaming.sessions.SessionStatus;
import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.streaming.testing.ServiceApi;
import io.lunora.testing.RecordingHttpEndpoint;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/costs} and {@code /api/costs/budget} on DynamoDB Local with real JWTs, and the budget's
 * cost alerts with the time driven by a clock: the month's sessions priced on the server (a running
 * one until now), admins only, each organization its own; the budget validated, versioned; one
 * {@code cost} alert per threshold and month however often the month is checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CostsApiTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(CostsApiTest::engine);
    static final JsonMapper json = JsonMapper.builder().build();
    static final Instant MID_JUNE = Instant.parse("2026-06-15T12:00:00Z");
    static final SettableClock CLOCK = new SettableClock(MID_JUNE);

    /** The engine runs no channel: a running session is priced with its stored counters. */
    static RecordingHttpEndpoint.Reply engine(RecordingHttpEndpoint.Recorded r) {
        return r.path().startsWith("/internal/engine/events") ? new RecordingHttpEndpoint.Reply(200, "text/event-stream", "")
                : new RecordingHttpEndpoint.Reply(200, "application/json", "{\"running\":false}");
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        Clock settableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    SessionStore sessions;
    @Autowired
    CostWatch watch;
    @Autowired
    AlertCentre alerts;

    String org;
    String admin;

    @BeforeEach
    void newOrganization() {
        CLOCK.set(MID_JUNE);
        org = "org-costs-" + UUID.randomUUID().toString().substring(0, 8);
        admin = standIns.issuer().userToken("ada", org, Group.ADMINS);
    }

    /**
     * A session left open would be restored by every later test class's restarted service (they
     * share one DynamoDB Local per test JVM), and asked of its stand-in engine.
     */
    @AfterEach
    void endTheLiveSession() {
        sessions.findOpen(org).ifPresent(s -> sessions.close(sessions.save(s.withStatus(SessionStatus.STOPPED, CLOCK.instant()))));
    }

    @Test
    void shouldPriceTheMonthsSessionsOnTheServerForItsAdminsOnly() throws Exception {
        // May's session is not June's; June's ended one: 2 h, 2 outputs, single input, 5 GB → 6.00 + 0.45
        ended("may", Instant.parse("2026-05-20T10:00:00Z"), Duration.ofHours(1), 1, 1_000_000_000L);
        ended("june", Instant.parse("2026-06-02T10:00:00Z"), Duration.ofHours(2), 2, 5_000_000_000L);
        // running since 11:00: one hour so far, one output → 2.50
        running("live", MID_JUNE.minus(Duration.ofHours(1)), 1);

        JsonNode costs = body(send(admin, "GET", "/api/costs", null), 200);
        assertThat(costs.path("from").asString()).isEqualTo("2026-06-01");
        assertThat(costs.path("to").asString()).isEqualTo("2026-06-15");
        assertThat(costs.path("currency").asString()).isEqualTo("USD");
        assertThat(costs.path("sessions")).extracting(s -> s.path("session_id").asString())
                .satisfiesExactlyInAnyOrder(id -> assertThat(id).endsWith("-june"), id -> assertThat(id).endsWith("-live"));
        JsonNode june = session(costs, "june");
        assertThat(june.path("hours").asDouble()).isEqualTo(2.0);
        assertThat(june.path("gigabytes").asDouble()).isEqualTo(5.0);
        assertThat(june.path("cost").path("medialive").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(june.path("cost").path("data_transfer").decimalValue()).isEqualByComparingTo("0.45");
        assertThat(june.path("cost").path("total").decimalValue()).isEqualByComparingTo("6.45");
        assertThat(session(costs, "live").path("cost").path("total").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(costs.path("total").path("total").decimalValue()).isEqualByComparingTo("8.95");

        // the month: its usage, the fixed monthly services (17.00), the default budget 150
        JsonNode month = costs.path("month");
        assertThat(month.path("month").asString()).isEqualTo("2026-06");
        assertThat(month.path("usage").path("total").decimalValue()).isEqualByComparingTo("8.95");
        assertThat(month.path("other_services").decimalValue()).isEqualByComparingTo("17.00");
        assertThat(month.path("total").decimalValue()).isEqualByComparingTo("25.95");
        assertThat(month.path("budget").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(month.path("share_used").decimalValue()).isEqualByComparingTo("17.3");

        // the running session costs more as it runs
        CLOCK.advance(Duration.ofHours(1));
        JsonNode later = body(send(admin, "GET", "/api/costs", null), 200);
        assertThat(session(later, "live").path("cost").path("total").decimalValue()).isEqualByComparingTo("5.00");

        // a range of days: May's session alone
        JsonNode may = body(send(admin, "GET", "/api/costs?from=2026-05-01&to=2026-05-31", null), 200);
        assertThat(may.path("sessions")).singleElement().satisfies(s -> assertThat(s.path("session_id").asString()).endsWith("-may"));
        assertThat(may.path("total").path("total").decimalValue()).isEqualByComparingTo("2.59");
        assertProblem(send(admin, "GET", "/api/costs?from=2026-06-10&to=2026-06-01", null), 400, "from");
        assertProblem(send(admin, "GET", "/api/costs?from=2024-01-01&to=2026-06-01", null), 400, "to");

        // another organization's admin sees its own (nothing), operators none at all
        JsonNode other = body(send(standIns.issuer().userToken("bob", org + "-other", Group.ADMINS), "GET",
                "/api/costs", null), 200);
        assertThat(other.path("sessions")).isEmpty();
        assertThat(other.path("month").path("usage").path("total").decimalValue()).isEqualByComparingTo("0");
        String operator = standIns.issuer().userToken("olga", org, Group.OPERATORS);
        assertThat(send(operator, "GET", "/api/costs", null).statusCode()).isEqualTo(403);
        assertThat(send(operator, "GET", "/api/costs/budget", null).statusCode()).isEqualTo(403);
        assertThat(send(operator, "PUT", "/api/costs/budget",
                "{\"monthly_amount_usd\":1,\"version\":0}").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldSetTheBudgetWithItsVersionAndNameTheFieldAtFault() throws Exception {
        JsonNode initial = body(send(admin, "GET", "/api/costs/budget", null), 200);
        assertThat(initial.path("monthly_amount_usd").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(initial.path("thresholds")).extracting(JsonNode::asInt).containsExactly(50, 80, 100);
        assertThat(initial.path("version").asLong()).isZero();

        assertProblem(put("{\"monthly_amount_usd\":-5,\"version\":0}"), 400, "monthly_amount_usd");
        assertProblem(put("{\"monthly_amount_usd\":0,\"version\":0}"), 400, "monthly_amount_usd");
        assertProblem(put("{\"monthly_amount_usd\":10.001,\"version\":0}"), 400, "monthly_amount_usd");
        assertProblem(put("{\"version\":0}"), 400, "monthly_amount_usd");
        assertProblem(put("{\"monthly_amount_usd\":100,\"thresholds\":[0,80],\"version\":0}"), 400, "thresholds");
        assertProblem(put("{\"monthly_amount_usd\":100,\"thresholds\":[50,201],\"version\":0}"), 400, "thresholds");
        assertProblem(put("{\"monthly_amount_usd\":100,\"thresholds\":[],\"version\":0}"), 400, "thresholds");
        assertProblem(put("{\"monthly_amount_usd\":100,\"thresholds\":[80,80],\"version\":0}"), 400, "thresholds");
        assertProblem(put("{\"monthly_amount_usd\":100}"), 400, "version");

        JsonNode saved = body(put("{\"monthly_amount_usd\":400.5,\"thresholds\":[90,25,150],\"version\":0}"), 200);
        assertThat(saved.path("monthly_amount_usd").decimalValue()).isEqualByComparingTo("400.50");
        assertThat(saved.path("thresholds")).extracting(JsonNode::asInt).containsExactly(25, 90, 150);
        assertThat(saved.path("version").asLong()).isEqualTo(1);
        assertThat(saved.path("updated_by").asString()).isEqualTo("ada");
        assertThat(body(send(admin, "GET", "/api/costs/budget", null), 200).path("version").asLong()).isEqualTo(1);
        assertThat(body(send(admin, "GET", "/api/costs", null), 200).path("month").path("budget").decimalValue())
                .isEqualByComparingTo("400.50");

        // a change made on what was read before someone else's change is refused
        HttpResponse<String> stale = put("{\"monthly_amount_usd\":300,\"version\":0}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(body(put("{\"monthly_amount_usd\":300,\"version\":1}"), 200).path("version").asLong()).isEqualTo(2);

        // the other organization keeps its default
        assertThat(body(send(standIns.issuer().userToken("bob", org + "-other", Group.ADMINS), "GET",
                "/api/costs/budget", null), 200).path("monthly_amount_usd").decimalValue()).isEqualByComparingTo("150.00");
    }

    @Test
    void shouldRaiseOneCostAlertPerThresholdAndMonth() throws Exception {
        // budget 50 with 17.00 of fixed services: 50 % is 25.00, 80 % is 40.00, 100 % is 50.00
        body(put("{\"monthly_amount_usd\":50,\"thresholds\":[50,80,100],\"version\":0}"), 200);
        assertThat(costAlerts()).isEmpty();

        // 17.00 + 2 h × 2.50 = 22.00: under 50 %
        running("live", MID_JUNE, 1);
        CLOCK.advance(Duration.ofHours(2));
        watch.check(org);
        assertThat(costAlerts()).isEmpty();

        // 17.00 + 4 h × 2.50 = 27.00: 54 %, one alert however often checked
        CLOCK.advance(Duration.ofHours(2));
        watch.check(org);
        watch.check(org);
        assertThat(costAlerts()).singleElement().satisfies(a -> {
            assertThat(a.path("severity").asString()).isEqualTo("cost");
            assertThat(a.path("kind").asString()).isEqualTo("budget_threshold_crossed");
            assertThat(a.path("source").asString()).isEqualTo("budget-2026-06-50%");
            assertThat(a.path("count").asLong()).isEqualTo(1);
            assertThat(a.path("message").asString()).contains("50%").contains("$27.00 of $50.00");
        });

        // 17.00 + 14 h × 2.50 = 52.00: 80 % and 100 % crossed at once, each once
        CLOCK.advance(Duration.ofHours(10));
        watch.check(org);
        watch.check(org);
        assertThat(costAlerts()).extracting(a -> a.path("source").asString()).containsExactlyInAnyOrder(
                "budget-2026-06-50%", "budget-2026-06-80%", "budget-2026-06-100%");

        // the session's end checks again: nothing new this month
        StreamSession stopped = sessions.save(sessions.findOpen(org).orElseThrow()
                .withStatus(SessionStatus.STOPPED, CLOCK.instant()));
        sessions.close(stopped);
        watch.onSessionEnded(new io.lunora.streaming.sessions.SessionEnded(stopped));
        assertThat(costAlerts()).hasSize(3);
        // each alert is one occurrence, not a grouped repeat
        assertThat(costAlerts()).allSatisfy(a -> assertThat(a.path("count").asLong()).isEqualTo(1));

        // July starts from the fixed services alone (34 %): no alert until its own crossing
        CLOCK.set(Instant.parse("2026-07-01T08:00:00Z"));
        watch.check(org);
        assertThat(costAlerts()).hasSize(3);
    }

    @Test
    void shouldRaiseTheAlertWhenALowerBudgetIsAlreadyCrossed() throws Exception {
        ended("june", Instant.parse("2026-06-02T10:00:00Z"), Duration.ofHours(2), 1, 0);
        // 17.00 + 5.00 = 22.00 of 20.00: every default threshold at once, right when the budget is saved
        body(put("{\"monthly_amount_usd\":20,\"version\":0}"), 200);
        assertThat(costAlerts()).extracting(a -> a.path("source").asString()).containsExactlyInAnyOrder(
                "budget-2026-06-50%", "budget-2026-06-80%", "budget-2026-06-100%");
    }

    private List<JsonNode> costAlerts() throws Exception {
        JsonNode page = body(send(admin, "GET", "/api/alerts?severity=cost&limit=100", null), 200);
        List<JsonNode> list = new java.util.ArrayList<>();
        page.path("alerts").forEach(list::add);
        return list;
    }

    private void ended(String name, Instant start, Duration ran, int outputs, long bytes) {
        StreamSession open = sessions.open(session(name, start, outputs, bytes));
        sessions.save(open.withStatus(SessionStatus.STOPPED, start.plus(ran)));
        sessions.close(sessions.find(org, open.sessionId()).orElseThrow());
    }

    private void running(String name, Instant start, int outputs) {
        sessions.open(session(name, start, outputs, 0));
    }

    /** Session ids start with their start time, as the service makes them (the history is read by it). */
    private StreamSession session(String name, Instant start, int outputs, long bytes) {
        String id = "s-" + start.toString().replaceAll("[-:.]", "") + "-" + name;
        List<StreamSession.Destination> destinations = java.util.stream.IntStream.range(0, outputs)
                .mapToObj(i -> new StreamSession.Destination("d" + i, "D" + i, "custom", "p", OutputState.LIVE, true,
                        start, null, i == 0 ? bytes : 0, 0, null))
                .toList();
        return new StreamSession(org, id, "ada", "user-ada", start, null, SessionStatus.ACTIVE,
                new StreamSession.SourceSnapshot("single", 3, "A", null, "primary"), destinations, null, List.of(),
                List.of(), false, null, null, null);
    }

    private static JsonNode session(JsonNode costs, String id) {
        for (JsonNode s : costs.path("sessions")) {
            if (s.path("session_id").asString().endsWith("-" + id)) {
                return s;
            }
        }
        throw new AssertionError(id + " not in " + costs);
    }

    private HttpResponse<String> put(String body) throws Exception {
        return send(admin, "PUT", "/api/costs/budget", body);
    }

    private static JsonNode body(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return new ServiceApi(port).send(token, method, path, body);
    }
}
