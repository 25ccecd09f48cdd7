package io.lunora.auth.organizations;

import io.lunora.model.identity.Platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.lunora.auth.users.audit.AdminAudit;
import io.lunora.auth.users.audit.AuditAction;
import io.lunora.auth.users.audit.AuditEntry;
import io.lunora.auth.users.audit.AuditLog;
import io.lunora.auth.users.audit.AuditPage;
import io.lunora.auth.users.cognito.CognitoUserDirectory;
import io.lunora.model.identity.Group;
import io.lunora.support.problem.ConflictException;
import io.lunora.support.security.Caller;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cognito mode: a new organization's first admin is created through {@link CognitoUserDirectory}
 * (the real SDK against a stand-in of the Cognito admin API) with {@code custom:organization} set to
 * the new organization and the group {@code admins}; an address Cognito already knows is a 409 and
 * leaves no organization behind. The organizations and the audit log are kept in memory here: what
 * is under test is the path to Cognito.
 */
class CognitoFirstAdminTest {
    private static final String SUB = "5f1c7a9e-0000-4000-8000-000000000002";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Caller PLATFORM_ADMIN = new Caller("platform-admin-id", "admin", Platform.ORGANIZATION,
            Set.of(Group.ADMINS), "lunora-admin");

    private final RecordingHttpEndpoint aws = new RecordingHttpEndpoint();
    private final CognitoIdentityProviderClient client = CognitoIdentityProviderClient.builder()
            .endpointOverride(URI.create(aws.url())).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    private final Organizations organizations = new Organizations();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final OrganizationService service = new OrganizationService(organizations,
            new CognitoUserDirectory(client, "us-east-1_Pool1"), new AdminAudit(new AuditLog() {
                @Override
                public void append(AuditEntry entry) {
                    audit.add(entry);
                }

                @Override
                public AuditPage page(String organizationId, int limit, String cursor) {
                    throw new UnsupportedOperationException();
                }
            }, Clock.systemUTC()), Clock.systemUTC());

    @AfterEach
    void close() {
        client.close();
        aws.close();
    }

    @Test
    void shouldCreateTheFirstAdminInCognitoWithTheNewOrganization() {
        aws.answer(r -> switch (operation(r)) {
            case "AdminCreateUser" -> Reply.json(200, """
                    {"User":{"Username":"%s","Enabled":true,"UserStatus":"FORCE_CHANGE_PASSWORD",
                     "UserCreateDate":1.7639712E9,"Attributes":[{"Name":"sub","Value":"%s"},
                     {"Name":"email","Value":"ada@acme.example"},{"Name":"preferred_username","Value":"ada"},
                     {"Name":"custom:organization","Value":"acme"}]}}""".formatted(SUB, SUB));
            default -> Reply.json(200, "{}");
        });

        OrganizationView created = service.create(PLATFORM_ADMIN,
                new CreateOrganizationRequest("acme", "Acme", "ada", "ada@acme.example"));

        assertThat(created.firstAdminId()).isEqualTo(SUB);
        List<Recorded> requests = aws.requests();
        assertThat(requests).extracting(CognitoFirstAdminTest::operation)
                .containsExactly("AdminCreateUser", "AdminAddUserToGroup");
        assertThat(JSON.readTree(requests.get(0).body()).path("UserAttributes").toString())
                .contains("{\"Name\":\"custom:organization\",\"Value\":\"acme\"}");
        assertThat(JSON.readTree(requests.get(1).body()).path("GroupName").asString()).isEqualTo("admins");
        assertThat(organizations.all()).extracting(Organization::id).containsExactly("acme");
        assertThat(audit).extracting(AuditEntry::organizationId, AuditEntry::action).containsExactly(
                tuple("default", AuditAction.ORGANIZATION_CREATED),
                tuple("acme", AuditAction.USER_INVITED));
    }

    @Test
    void shouldLeaveNoOrganizationWhenCognitoAlreadyKnowsTheAdmin() {
        aws.answer(r -> Reply.json(400, """
                {"__type":"UsernameExistsException","message":"An account with the given email already exists."}"""));

        assertThatThrownBy(() -> service.create(PLATFORM_ADMIN,
                new CreateOrganizationRequest("acme", "Acme", "ada", "ada@acme.example")))
                .isInstanceOf(ConflictException.class);

        assertThat(aws.requests()).extracting(CognitoFirstAdminTest::operation).containsExactly("AdminCreateUser");
        assertThat(organizations.all()).isEmpty();
        assertThat(audit).isEmpty();
    }

    private static String operation(Recorded request) {
        return request.header("X-Amz-Target").substring("AWSCognitoIdentityProviderService.".length());
    }

    /** The organizations in memory, with the store's contract (a taken id is a conflict). */
    private static final class Organizations implements OrganizationStore {
        private final Map<String, Organization> byId = new TreeMap<>();

        @Override
        public void create(Organization organization) {
            if (!createIfAbsent(organization)) {
                throw new ConflictException("taken");
            }
        }

        @Override
        public boolean createIfAbsent(Organization organization) {
            return byId.putIfAbsent(organization.id(), organization) == null;
        }

        @Override
        public List<Organization> all() {
            return List.copyOf(byId.values());
        }

        @Override
        public void delete(String id) {
            byId.remove(id);
        }
    }
}
