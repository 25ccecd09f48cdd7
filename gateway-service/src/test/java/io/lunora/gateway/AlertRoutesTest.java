package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The alert centre's routes (streaming-control-service): alerts and their acknowledgement for
 * operators and admins, webhooks and their delivery log for admins only; anything else under
 * {@code /api/alerts} is refused at the gateway.
 */
class AlertRoutesTest extends GatewayTestBase {
    static final Set<Group> AT_WORK = Set.of(Group.OPERATORS, Group.ADMINS);
    static final Set<Group> ADMINS = Set.of(Group.ADMINS);
    static final Map<String, Set<Group>> ALLOWED = Map.of(
            "GET /api/alerts", AT_WORK,
            "POST /api/alerts/al-1/acknowledge", AT_WORK,
            "GET /api/alerts/webhooks", ADMINS,
            "POST /api/alerts/webhooks", ADMINS,
            "DELETE /api/alerts/webhooks/wh-1", ADMINS,
            "GET /api/alerts/webhooks/wh-1/deliveries", ADMINS);

    @Test
    void shouldRouteAlertsToStreamingControlForTheirRolesOnly() {
        ALLOWED.forEach((request, allowed) -> {
            String[] parts = request.split(" ");
            for (Group group : List.of(Group.OPERATORS, Group.ADMINS, Group.FREE, Group.CONSUMER_ADMINS)) {
                SERVICES.values().forEach(RecordingDownstream::clear);
                boolean mayCall = allowed.contains(group);

                HttpResponse<String> response = gateway.send(parts[0], parts[1], tokenOf(group));

                if (mayCall) {
                    assertThat(response.statusCode()).as(request + " as " + group).isEqualTo(200);
                    assertThat(SERVICES.get("STREAMING").received()).as(request).singleElement()
                            .satisfies(r -> assertThat(r.path()).isEqualTo(parts[1]));
                } else {
                    assertThat(response.statusCode()).as(request + " as " + group).isEqualTo(403);
                    assertThat(everythingReceived()).as(request + " as " + group).isEmpty();
                }
            }
            SERVICES.values().forEach(RecordingDownstream::clear);
            assertThat(gateway.send(parts[0], parts[1], null).statusCode()).as(request + " anonymously").isEqualTo(401);
        });
        // no rule names these: an operator's webhook change or a PUT on an alert never reaches the service
        assertThat(gateway.send("PUT", "/api/alerts/al-1", tokenOf(Group.ADMINS)).statusCode()).isIn(404, 405);
        assertThat(everythingReceived()).isEmpty();
    }
}
