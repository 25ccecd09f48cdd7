package io.lunora.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.lunora.model.identity.Group;
import io.lunora.model.identity.LunoraClaims;
import io.lunora.model.identity.Platform;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A caller administers the platform exactly when auth-service's rule, {@link Platform#isAdmin},
 * says its group and organization make a platform admin: one rule, read the same on both sides.
 */
class CallerPlatformAdminTest {

    /** Every group with the platform's organization, another one, none and a blank one. */
    static Stream<Arguments> everyGroupAndOrganization() {
        return Arrays.stream(Group.values()).flatMap(group -> Stream.of(Platform.ORGANIZATION, "org-tenant", null, "")
                .map(organization -> Arguments.of(group, organization)));
    }

    @ParameterizedTest(name = "{0} of {1}")
    @MethodSource("everyGroupAndOrganization")
    void shouldAgreeWithThePlatformsRuleForEveryGroupAndOrganization(Group group, String organization) {
        Caller caller = callerFrom(organization, group.claimValue());

        assertThat(caller.administersPlatform())
                .isEqualTo(Platform.isAdmin(group.pool(), group, organization))
                .isEqualTo(group == Group.ADMINS && Platform.ORGANIZATION.equals(organization));
    }

    @Test
    void shouldMakeOnlyTheAdminsOfThePlatformsOrganizationPlatformAdmins() {
        assertThat(callerFrom(Platform.ORGANIZATION, "admins").administersPlatform()).isTrue();
        assertThat(callerFrom(Platform.ORGANIZATION, "operators", "admins").administersPlatform())
                .as("admins among other groups").isTrue();

        assertThat(callerFrom(Platform.ORGANIZATION, "operators").administersPlatform()).isFalse();
        assertThat(callerFrom(Platform.ORGANIZATION, "consumer-admins").administersPlatform())
                .as("a consumer admin is not an admin of the internal pool").isFalse();
        assertThat(callerFrom("org-tenant", "admins").administersPlatform()).as("an organization's admin").isFalse();
        assertThat(callerFrom("DEFAULT", "admins").administersPlatform()).as("the id as written").isFalse();
        assertThat(callerFrom(null, "admins").administersPlatform()).isFalse();
        assertThat(callerFrom(Platform.ORGANIZATION).administersPlatform()).as("no group").isFalse();
        assertThat(callerFrom(Platform.ORGANIZATION, "platform-admins").administersPlatform())
                .as("a group the platform does not know").isFalse();
    }

    @Test
    void shouldReadTheSameForACallerMadeWithoutAToken() {
        assertThat(new Caller("user-ada", "ada", Platform.ORGANIZATION, Set.of(Group.ADMINS), null)
                .administersPlatform()).isTrue();
        assertThat(new Caller("user-ada", "ada", "org-tenant", Set.of(Group.ADMINS), null)
                .administersPlatform()).isFalse();
    }

    private static Caller callerFrom(String organization, String... groups) {
        Jwt.Builder token = Jwt.withTokenValue("token").header("alg", "RS256").subject("user-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .claim(LunoraClaims.USERNAME, "ada").claim(LunoraClaims.GROUPS, List.of(groups));
        if (organization != null) {
            token.claim(LunoraClaims.ORGANIZATION, organization);
        }
        return Caller.from(token.build());
    }
}
