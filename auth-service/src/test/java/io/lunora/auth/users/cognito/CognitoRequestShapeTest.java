package io.lunora.auth.users.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.auth.users.InviteUserRequest;
import io.lunora.auth.users.UserView;
import io.lunora.model.identity.Group;
import io.lunora.support.problem.ConflictException;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the Cognito user directory sends to a local endpoint standing in for the Cognito admin API
 * (JSON 1.1 protocol: the operation in {@code X-Amz-Target}, members as in the API reference),
 * and how it maps the answers back.
 */
class CognitoRequestShapeTest {
    private static final String POOL = "us-east-1_Pool1";
    private static final String SUB = "5f1c7a9e-0000-4000-8000-000000000001";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    private final CognitoIdentityProviderClient client = CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private final CognitoUserDirectory directory = new CognitoUserDirectory(client, POOL);

    @AfterEach
    void close() {
        client.close();
        aws.close();
    }

    @Test
    void shouldCreateTheUserWithOrganizationAndEmailDeliveryThenAddItToItsGroup() {
        aws.answer(r -> switch (operation(r)) {
            case "AdminCreateUser" -> Reply.json(200, """
                    {"User":{"Username":"%s","Enabled":true,"UserStatus":"FORCE_CHANGE_PASSWORD",
                     "UserCreateDate":1.7639712E9,"Attributes":[{"Name":"sub","Value":"%s"},
                     {"Name":"email","Value":"ada@example.com"},{"Name":"preferred_username","Value":"ada"},
                     {"Name":"custom:organization","Value":"org-1"}]}}""".formatted(SUB, SUB));
            default -> Reply.json(200, "{}");
        });

        UserView user = directory.invite("org-1", new InviteUserRequest("ada", " ada@example.com ", "operators"));

        List<Recorded> requests = aws.requests();
        assertThat(requests).extracting(CognitoRequestShapeTest::operation)
                .containsExactly("AdminCreateUser", "AdminAddUserToGroup");
        assertThat(json(requests.get(0))).isEqualTo(JSON.readTree("""
                {"UserPoolId":"us-east-1_Pool1","Username":"ada@example.com",
                 "UserAttributes":[{"Name":"email","Value":"ada@example.com"},{"Name":"email_verified","Value":"true"},
                  {"Name":"preferred_username","Value":"ada"},{"Name":"custom:organization","Value":"org-1"}],
                 "DesiredDeliveryMediums":["EMAIL"]}"""));
        assertThat(json(requests.get(1))).isEqualTo(JSON.readTree("""
                {"UserPoolId":"us-east-1_Pool1","Username":"%s","GroupName":"operators"}""".formatted(SUB)));
        assertThat(requests.get(0).header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        assertThat(user).isEqualTo(new UserView(SUB, "ada", "ada@example.com", "operators", "org-1", true,
                "FORCE_CHANGE_PASSWORD", false, false, java.time.Instant.ofEpochSecond(1_763_971_200), null));
    }

    @Test
    void shouldReportAnExistingUsernameAsAConflictAndAddNoGroup() {
        aws.answer(r -> Reply.json(400, """
                {"__type":"UsernameExistsException","message":"An account with the given email already exists."}"""));

        assertThatThrownBy(() -> directory.invite("org-1", new InviteUserRequest("ada", "ada@example.com", "admins")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
        assertThat(aws.requests()).extracting(CognitoRequestShapeTest::operation).containsExactly("AdminCreateUser");
    }

    @Test
    void shouldReadTheUserWithItsGroupAndMfaStatus() {
        answerUser("org-1", true, "[\"SOFTWARE_TOKEN_MFA\"]", "admins");

        UserView user = directory.find("org-1", SUB).orElseThrow();

        List<Recorded> requests = aws.requests();
        assertThat(requests).extracting(CognitoRequestShapeTest::operation)
                .containsExactly("AdminGetUser", "AdminListGroupsForUser");
        assertThat(json(requests.get(0))).isEqualTo(JSON.readTree("""
                {"UserPoolId":"us-east-1_Pool1","Username":"%s"}""".formatted(SUB)));
        assertThat(json(requests.get(1))).isEqualTo(JSON.readTree("""
                {"UserPoolId":"us-east-1_Pool1","Username":"%s"}""".formatted(SUB)));
        assertThat(user.mfaEnrolled()).isTrue();
        assertThat(user.group()).isEqualTo("admins");
        assertThat(user.status()).isEqualTo("CONFIRMED");
        assertThat(user.username()).isEqualTo("ada");
    }

    @Test
    void shouldHideAnotherOrganizationsUserAndAnUnknownOne() {
        answerUser("org-2", true, "[]", "operators");
        assertThat(directory.find("org-1", SUB)).isEmpty();

        aws.answer(r -> Reply.json(400, """
                {"__type":"UserNotFoundException","message":"User does not exist."}"""));
        assertThat(directory.find("org-1", SUB)).isEmpty();
        assertThat(directory.me(SUB)).isEmpty();
    }

    @Test
    void shouldMoveTheUserBetweenGroupsByAddingTheNewAndRemovingTheOld() {
        answerUser("org-1", true, "[]", "admins");
        UserView operator = new UserView(SUB, "ada", "ada@example.com", "operators", "org-1", true, "CONFIRMED", false,
                false, null, null);

        UserView changed = directory.setGroup(operator, Group.ADMINS);

        List<Recorded> requests = aws.requests();
        assertThat(requests).extracting(CognitoRequestShapeTest::operation).containsExactly("AdminAddUserToGroup",
                "AdminRemoveUserFromGroup", "AdminGetUser", "AdminListGroupsForUser");
        assertThat(json(requests.get(0))).isEqualTo(JSON.readTree("""
                {"UserPoolId":"us-east-1_Pool1","Username":"%s","GroupName":"admins"}""".formatted(SUB)));
        assertThat(json(requests.get(1))).isEqualTo(JSON.readTree("""
                {"UserPoolId":"us-east-1_Pool1","Username":"%s","GroupName":"operators"}""".formatted(SUB)));
        assertThat(changed.group()).isEqualTo("admins");
    }

    @Test
    void shouldDisableAndEnableThroughTheAdminCalls() {
        answerUser("org-1", false, "[]", "operators");
        UserView enabled = new UserView(SUB, "ada", "ada@example.com", "operators", "org-1", true, "CONFIRMED", false,
                false, null, null);

        UserView disabled = directory.setEnabled(enabled, false);
        assertThat(disabled.enabled()).isFalse();
        assertThat(operation(aws.requests().get(0))).isEqualTo("AdminDisableUser");
        assertThat(json(aws.requests().get(0))).isEqualTo(JSON.readTree("""
                {"UserPoolId":"us-east-1_Pool1","Username":"%s"}""".formatted(SUB)));

        aws.clear();
        directory.setEnabled(disabled, true);
        assertThat(operation(aws.requests().get(0))).isEqualTo("AdminEnableUser");
        assertThat(json(aws.requests().get(0))).isEqualTo(JSON.readTree("""
                {"UserPoolId":"us-east-1_Pool1","Username":"%s"}""".formatted(SUB)));
    }

    @Test
    void shouldSearchByUsernamePrefixAndKeepOnlyTheCallersOrganization() {
        String other = "5f1c7a9e-0000-4000-8000-000000000002";
        aws.answer(r -> switch (operation(r)) {
            case "ListUsers" -> Reply.json(200, """
                    {"Users":[%s,%s]}""".formatted(listed(SUB, "org-1"), listed(other, "org-2")));
            case "AdminGetUser" -> Reply.json(200, getUser(SUB, "org-1", true, "[]"));
            case "AdminListGroupsForUser" -> Reply.json(200, "{\"Groups\":[{\"GroupName\":\"operators\"}]}");
            default -> Reply.json(500, "{}");
        });

        List<UserView> found = directory.search("org-1", "a\"d", null);

        assertThat(json(aws.requests().get(0))).isEqualTo(JSON.readTree("""
                {"UserPoolId":"us-east-1_Pool1","Filter":"preferred_username ^= \\"a\\\\\\"d\\""}"""));
        assertThat(aws.requests()).extracting(CognitoRequestShapeTest::operation)
                .containsExactly("ListUsers", "AdminGetUser", "AdminListGroupsForUser");
        assertThat(found).extracting(UserView::id).containsExactly(SUB);
    }

    private void answerUser(String organization, boolean enabled, String mfa, String group) {
        aws.answer(r -> switch (operation(r)) {
            case "AdminGetUser" -> Reply.json(200, getUser(SUB, organization, enabled, mfa));
            case "AdminListGroupsForUser" -> Reply.json(200, "{\"Groups\":[{\"GroupName\":\"%s\"}]}".formatted(group));
            default -> Reply.json(200, "{}");
        });
    }

    private static String getUser(String sub, String organization, boolean enabled, String mfa) {
        return """
                {"Username":"%s","Enabled":%s,"UserStatus":"CONFIRMED","UserCreateDate":1.7639712E9,
                 "UserMFASettingList":%s,"UserAttributes":[{"Name":"sub","Value":"%s"},
                 {"Name":"email","Value":"ada@example.com"},{"Name":"preferred_username","Value":"ada"},
                 {"Name":"custom:organization","Value":"%s"}]}""".formatted(sub, enabled, mfa, sub, organization);
    }

    private static String listed(String sub, String organization) {
        return """
                {"Username":"%s","Enabled":true,"UserStatus":"CONFIRMED","Attributes":[{"Name":"sub","Value":"%s"},
                 {"Name":"custom:organization","Value":"%s"}]}""".formatted(sub, sub, organization);
    }

    private static String operation(Recorded request) {
        String target = request.header("X-Amz-Target");
        assertThat(target).startsWith("AWSCognitoIdentityProviderService.");
        return target.substring("AWSCognitoIdentityProviderService.".length());
    }

    private static JsonNode json(Recorded request) {
        return JSON.readTree(request.body());
    }
}
