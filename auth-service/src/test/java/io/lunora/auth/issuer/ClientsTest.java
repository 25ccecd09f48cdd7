package io.lunora.auth.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ClientsTest {

    @Test
    void shouldAcceptTheCallbackOfAnAppOnItsOwnHostBesideThePathOnTheIssuer() {
        List<RegisteredClient> clients = Clients.all("http://localhost:8080", Map.of(),
                Map.of("stream", "stream.example.com", "watch", ""));

        RegisteredClient operator = client(clients, "lunora-operator");
        assertThat(operator.getRedirectUris()).containsExactlyInAnyOrder(
                "http://localhost:8080/stream/callback", "https://stream.example.com/stream/callback");
        assertThat(operator.getPostLogoutRedirectUris()).contains("https://stream.example.com/stream/");
        assertThat(client(clients, "lunora-watch").getRedirectUris())
                .containsExactly("http://localhost:8080/watch/callback");
        assertThat(client(clients, "lunora-admin").getRedirectUris())
                .containsExactly("http://localhost:8080/admin/callback");
    }

    private static RegisteredClient client(List<RegisteredClient> clients, String id) {
        return clients.stream().filter(c -> c.getClientId().equals(id)).findFirst().orElseThrow();
    }
}
