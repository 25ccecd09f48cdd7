package io.lunora.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.auth.users.UserAccount;
import io.lunora.model.identity.Group;
import io.lunora.model.identity.Pool;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins set a consumer account's group (how a consumer admin comes to be); validated, admins only. */
class ConsumerGroupApiTest extends AuthServerTestBase {

    private UserAccount viewer(String username) {
        return users.save(new UserAccount(UUID.randomUUID().toString(), Pool.CONSUMER, username,
                username + "@viewers.example.com", Group.FREE, null, true, "{noop}unused", List.of(), Instant.now(), false,
                0, null, false, 0, List.of(), Instant.now(), null));
    }

    @Test
    void shouldMakeAViewerAConsumerAdmin() {
        UserAccount cora = viewer("cora");

        HttpResponse<String> changed = api("PUT", "/api/admin/users/consumers/cora/group", admin().tokens().accessToken(),
                "{\"group\":\"consumer-admins\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).path("group").asString()).isEqualTo("consumer-admins");
        assertThat(changed.body()).doesNotContain("unused");
        assertThat(users.findById(cora.id()).orElseThrow().group()).isEqualTo(Group.CONSUMER_ADMINS);
    }

    @Test
    void shouldRefuseABadGroupAnUnknownViewerAndCallersWithoutTheAdminRole() {
        UserAccount dale = viewer("dale");
        String token = admin().tokens().accessToken();

        HttpResponse<String> internalGroup = api("PUT", "/api/admin/users/consumers/dale/group", token, "{\"group\":\"admins\"}");
        assertThat(internalGroup.statusCode()).isEqualTo(400);
        assertThat(internalGroup.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(internalGroup.body()).path("errors").get(0).path("field").asString()).isEqualTo("group");
        assertThat(api("PUT", "/api/admin/users/consumers/nobody/group", token, "{\"group\":\"vip\"}").statusCode())
                .isEqualTo(404);
        assertThat(api("PUT", "/api/admin/users/consumers/admin/group", token, "{\"group\":\"vip\"}").statusCode())
                .as("an internal user is not a consumer").isEqualTo(404);
        assertThat(api("PUT", "/api/admin/users/consumers/dale/group", null, "{\"group\":\"vip\"}").statusCode())
                .isEqualTo(401);
        assertThat(users.findById(dale.id()).orElseThrow().group()).isEqualTo(Group.FREE);
    }
}
