package io.lunora.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The alert e-mail recipients' routes (streaming-control-service): admins only; an operator, a
 * viewer or an anonymous caller never reaches the service.
 */
class AlertRecipientRoutesTest extends GatewayTestBase {
    static final List<String> ADMIN_ONLY = List.of("GET /api/alerts/recipients", "POST /api/alerts/recipients",
            "DELETE /api/alerts/recipients/ar-1");

    @Test
    void shouldRouteRecipientsToStreamingControlForAdminsOnly() {
        for (String request : ADMIN_ONLY) {
            String[] parts = request.split(" ");
            for (Group group : List.of(Group.OPERATORS, Group.ADMINS, Group.FREE, Group.CONSUMER_ADMINS)) {
                SERVICES.values().forEach(RecordingDownstream::clear);

                HttpResponse<String> response = gateway.send(parts[0], parts[1], tokenOf(group));

                if (group == Group.ADMINS) {
                    assertThat(response.statusCode()).as(request).isEqualTo(200);
                    assertThat(SERVICES.get("STREAMING").received()).as(request).singleElement()
                            .satisfies(r -> assertThat(r.path()).isEqualTo(parts[1]));
                } else {
                    assertThat(response.statusCode()).as(request + " as " + group).isEqualTo(403);
                    assertThat(everythingReceived()).as(request + " as " + group).isEmpty();
                }
            }
            SERVICES.values().forEach(RecordingDownstream::clear);
            assertThat(gateway.send(parts[0], parts[1], null).statusCode()).as(request + " anonymously").isEqualTo(401);
        }
        // deeper paths and other methods are named by no rule
        assertThat(gateway.send("PUT", "/api/alerts/recipients/ar-1", tokenOf(Group.ADMINS)).statusCode()).isIn(404, 405);
        assertThat(gateway.send("GET", "/api/alerts/recipients/ar-1/x", tokenOf(Group.ADMINS)).statusCode()).isIn(404, 405);
        assertThat(everythingReceived()).isEmpty();
    }
}
