package io.lunora.viewer.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.viewer.ServiceTest;
import io.lunora.viewer.SignInIdentityStandIn.Deletion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A viewer's account deletion deletes the sign-in identity at auth-service too (with a service
 * token), after the data; when auth-service fails, the viewer is told (503) and deleting again
 * finishes the job.
 */
class AccountIdentityDeletionTest extends ServiceTest {

    @Test
    void shouldDeleteTheSignInIdentityWithTheAccount() {
        String name = unique("gone");
        String token = viewer(name, Group.FREE);
        get("/api/viewers/profile", token);

        var deleted = delete("/api/viewers/account", token);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(IDENTITIES.deletions()).filteredOn(d -> d.viewerId().equals(viewerId(name))).singleElement()
                .extracting(Deletion::authorization).asString().startsWith("Bearer ");
        JsonNode receipt = body(deleted);
        assertThat(receipt.path("sign_in_account").asString()).contains("deleted").contains("no longer sign in");
    }

    @Test
    void shouldTellTheViewerWhenTheIdentityCouldNotBeDeletedAndFinishOnRetry() {
        String name = unique("retry");
        String token = viewer(name, Group.FREE);
        get("/api/viewers/profile", token);

        IDENTITIES.failing(true);
        try {
            assertProblem(delete("/api/viewers/account", token), 503, null);
        } finally {
            IDENTITIES.failing(false);
        }
        assertThat(IDENTITIES.deletions()).noneMatch(d -> d.viewerId().equals(viewerId(name)));

        assertThat(delete("/api/viewers/account", token).statusCode()).isEqualTo(200);
        assertThat(IDENTITIES.deletions()).anyMatch(d -> d.viewerId().equals(viewerId(name)));
    }
}
