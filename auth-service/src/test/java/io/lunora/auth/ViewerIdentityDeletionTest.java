package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.auth.users.UserAccount;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import io.lunora.model.identity.ServiceClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /internal/viewers/{id}}: viewer-service's account deletion removes the sign-in
 * identity, so the same user name and password sign in no more; service tokens only; users of the
 * internal pool are out of its reach.
 */
class ViewerIdentityDeletionTest extends AuthServerTestBase {

    @Test
    void shouldDeleteTheViewersIdentitySoThatItSignsInNoMore() {
        String name = "del" + UUID.randomUUID().toString().substring(0, 8);
        UserAccount viewer = users.save(new UserAccount(UUID.randomUUID().toString(), Pool.CONSUMER, name,
                name + "@viewers.example.com", Group.FREE, null, true, "{noop}Viewer-Pass-1", List.of(), Instant.now(),
                false, 0, null, false, 0, List.of(), Instant.now(), null));
        var watch = newAuthorization("lunora-watch", "watch");
        assertThat(callback(signIn(browser(), watch, name, "Viewer-Pass-1"), watch)).containsKey("code");

        HttpResponse<String> deleted = api("DELETE", "/internal/viewers/" + viewer.id(), serviceToken(), null);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(users.findById(viewer.id())).isEmpty();
        assertThat(signIn(browser(), newAuthorization("lunora-watch", "watch"), name, "Viewer-Pass-1").uri().getPath())
                .isEqualTo("/login");
        assertThat(api("GET", "/internal/users/" + viewer.id() + "/token-validity", serviceToken(ServiceClient.GATEWAY), null).statusCode())
                .as("the gateway now refuses the viewer's tokens").isEqualTo(404);
        assertThat(api("DELETE", "/internal/viewers/" + viewer.id(), serviceToken(), null).statusCode())
                .as("a retry finds nothing").isEqualTo(404);
    }

    @Test
    void shouldNeitherTouchInternalUsersNorAnswerUserTokens() {
        String adminId = users.findByUsername(Pool.INTERNAL, "admin").orElseThrow().id();

        assertThat(api("DELETE", "/internal/viewers/" + adminId, serviceToken(), null).statusCode()).isEqualTo(404);
        assertThat(api("DELETE", "/internal/viewers/" + adminId, admin().tokens().accessToken(), null).statusCode())
                .isEqualTo(403);
        assertThat(api("DELETE", "/internal/viewers/" + adminId, null, null).statusCode()).isEqualTo(401);
        assertThat(users.findById(adminId)).isPresent();
    }

    private String serviceToken() {
        HttpResponse<String> issued = clientCredentials(ServiceClient.VIEWER);
        return JSON.readTree(issued.body()).path("access_token").asString();
    }
}
