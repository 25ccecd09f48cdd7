package io.lunora.streaming.alerts;

import static io.lunora.streaming.testing.ServiceApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.streaming.testing.PeerStandIns;
import io.lunora.streaming.testing.ServiceApi;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/alerts/recipients} on DynamoDB Local: admins add, list and delete their
 * organization's alert e-mail recipients; a bad address, severity or kind is a problem naming its
 * field; operators are refused; another organization's recipients are neither seen nor deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertRecipientsApiTest {
    @RegisterExtension
    static final PeerStandIns standIns = new PeerStandIns(AlertCentreApiTest::engine);
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void shouldAddListAndDeleteTheOrganizationsRecipients() throws Exception {
        String admin = standIns.issuer().userToken("ada", "org-rcpt", Group.ADMINS);
        HttpResponse<String> added = send(admin, "POST", "/api/alerts/recipients",
                "{\"email\":\" OnCall@Example.com \",\"minimum_severity\":\"warning\",\"kinds\":[\"source_lost\"]}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode recipient = json.readTree(added.body());
        String id = recipient.path("recipient_id").asString();
        assertThat(id).startsWith("ar-");
        assertThat(recipient.path("email").asString()).isEqualTo("oncall@example.com");
        assertThat(recipient.path("minimum_severity").asString()).isEqualTo("warning");
        assertThat(recipient.path("kinds").get(0).asString()).isEqualTo("source_lost");
        assertThat(recipient.path("created_by").asString()).isEqualTo("ada");

        JsonNode listed = json.readTree(send(admin, "GET", "/api/alerts/recipients", null).body()).path("recipients");
        assertThat(listed).singleElement().satisfies(r -> assertThat(r.path("recipient_id").asString()).isEqualTo(id));
        assertProblem(send(admin, "POST", "/api/alerts/recipients",
                "{\"email\":\"oncall@example.com\",\"minimum_severity\":\"info\"}"), 400, "email");

        // another organization's admin neither sees nor deletes it
        String otherAdmin = standIns.issuer().userToken("bob", "org-rcpt-other", Group.ADMINS);
        assertThat(json.readTree(send(otherAdmin, "GET", "/api/alerts/recipients", null).body()).path("recipients"))
                .isEmpty();
        assertThat(send(otherAdmin, "DELETE", "/api/alerts/recipients/" + id, null).statusCode()).isEqualTo(404);

        assertThat(send(admin, "DELETE", "/api/alerts/recipients/" + id, null).statusCode()).isEqualTo(204);
        assertThat(json.readTree(send(admin, "GET", "/api/alerts/recipients", null).body()).path("recipients")).isEmpty();
        assertThat(send(admin, "DELETE", "/api/alerts/recipients/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerAProblemNamingTheFieldAtFault() throws Exception {
        String admin = standIns.issuer().userToken("ada", "org-rcpt-bad", Group.ADMINS);
        assertProblem(send(admin, "POST", "/api/alerts/recipients",
                "{\"email\":\"not-an-address\",\"minimum_severity\":\"critical\"}"), 400, "email");
        // a line break would add a header of its own
        assertProblem(send(admin, "POST", "/api/alerts/recipients",
                "{\"email\":\"a@example.com\\r\\nBcc: all@example.com\",\"minimum_severity\":\"critical\"}"), 400, "email");
        assertProblem(send(admin, "POST", "/api/alerts/recipients",
                "{\"email\":\"a@example.com\",\"minimum_severity\":\"urgent\"}"), 400, "minimum_severity");
        assertProblem(send(admin, "POST", "/api/alerts/recipients",
                "{\"email\":\"a@example.com\",\"minimum_severity\":\"info\",\"kinds\":[\"coffee_empty\"]}"), 400, "kinds");
        assertProblem(send(admin, "POST", "/api/alerts/recipients", "{}"), 400, "email");
        assertThat(json.readTree(send(admin, "GET", "/api/alerts/recipients", null).body()).path("recipients")).isEmpty();
    }

    @Test
    void shouldRefuseOperators() throws Exception {
        String operator = standIns.issuer().userToken("olga", "org-rcpt", Group.OPERATORS);
        assertThat(send(operator, "GET", "/api/alerts/recipients", null).statusCode()).isEqualTo(403);
        assertThat(send(operator, "POST", "/api/alerts/recipients",
                "{\"email\":\"me@example.com\",\"minimum_severity\":\"info\"}").statusCode()).isEqualTo(403);
        assertThat(send(operator, "DELETE", "/api/alerts/recipients/ar-1", null).statusCode()).isEqualTo(403);
    }

    HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        return new ServiceApi(port).send(token, method, path, body);
    }
}
