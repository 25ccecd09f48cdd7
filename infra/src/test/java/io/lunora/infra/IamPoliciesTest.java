package io.lunora.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Least privilege, checked: a service's task role names exactly the calls its code makes, on the
 * tables it owns; the roles AWS services assume name only what those services do for us; no
 * policy anywhere names a wildcard action.
 */
class IamPoliciesTest {

    private static final Set<String> SECRET_STORE = Set.of(
            // io.lunora.support.secrets.SsmSecretStore: put (SecureString, KMS key), get (decrypted), delete
            "ssm:PutParameter", "ssm:GetParameter", "ssm:DeleteParameter",
            // SSM encrypts and decrypts the SecureString with the customer key on the caller's behalf
            "kms:Encrypt", "kms:Decrypt");

    /** Per service, the calls its code makes (enhanced-client operations, SecretStore, MediaLive backend). */
    private static final Map<String, Set<String>> CODE_ACTIONS = Map.of(
            // UserStore: getItem, putItem, query (pool indexes), scan (user listing); TOTP secrets;
            // UserSessionStore: getItem, putItem, query, updateItem (activity, end);
            // OrganizationStore: conditional putItem, deleteItem (a creation undone), scan (the list);
            // CognitoUserDirectory: invite, groups, disable/enable, read, search on the internal pool
            "auth-service", union(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:Scan",
                    "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                    "cognito-idp:AdminCreateUser", "cognito-idp:AdminAddUserToGroup",
                    "cognito-idp:AdminRemoveUserFromGroup", "cognito-idp:AdminDisableUser",
                    "cognito-idp:AdminEnableUser", "cognito-idp:AdminGetUser",
                    "cognito-idp:AdminListGroupsForUser", "cognito-idp:ListUsers"), SECRET_STORE),
            // SourceConfigurationStore: getItem, updateItem; SRT passphrases. Nothing of MediaLive: the media
            // plane is streaming-control's alone
            "source-service", union(Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"), SECRET_STORE),
            // DestinationStore: get/put/update/delete, query by organization; stream keys
            "destination-service", union(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem", "dynamodb:Query"), SECRET_STORE),
            "preset-service", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem", "dynamodb:Query"),
            // DynamoSessionStore (transactWriteItems of two puts needs PutItem), DynamoSwitchEventStore (putItem,
            // query of a session's switches); MediaLiveBackend and SrtInputs:
            // list/create/update inputs, list/create/update/describe/start/stop channels, tags on create,
            // the channel role passed to CreateChannel; MediaLiveInputSwitch: the operator's immediate InputSwitch
            // (BatchUpdateSchedule); ChannelMonitor: the channel's alerts and input metrics; InputPreviews: the
            // active input's thumbnail (DescribeThumbnails);
            // PackagingCheck: the media stack's MediaPackage channel and its origin endpoints; the alert
            // webhooks' signing secrets; SesAlertMailer: the alert e-mail; S3RecordingStore: list, read and
            // delete the organization's recordings (DeleteObjects is authorized as s3:DeleteObject per key)
            "streaming-control-service", union(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem", "dynamodb:Query",
                    "medialive:ListInputs", "medialive:CreateInput", "medialive:UpdateInput",
                    "medialive:ListChannels", "medialive:CreateChannel", "medialive:UpdateChannel",
                    "medialive:DescribeChannel", "medialive:StartChannel", "medialive:StopChannel",
                    "medialive:BatchUpdateSchedule", "medialive:CreateTags", "iam:PassRole", "medialive:ListAlerts", "medialive:DescribeThumbnails",
                    "cloudwatch:GetMetricData",
                    // SrtInputs: the passphrase secret MediaLive reads (tagged, so TagResource), with the key
                    "secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "secretsmanager:TagResource",
                    "kms:GenerateDataKey", "kms:Decrypt",
                    "mediapackage:DescribeChannel", "mediapackage:ListOriginEndpoints", "ses:SendEmail",
                    "s3:ListBucket", "s3:GetObject", "s3:DeleteObject"), SECRET_STORE),
            // S3ThumbnailSource: list the organization's frame captures, read the newest (KMS-encrypted bucket)
            "viewer-service", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem", "dynamodb:Query", "s3:ListBucket", "s3:GetObject", "kms:Decrypt"));

    /** Roles that AWS services assume, by stack and logical id, with what those services do. */
    private static final Map<String, Set<String>> PLATFORM_ACTIONS = Map.of(
            // ECS agent: pull images, ship logs, inject the task definitions' secrets
            "base/TaskExecutionRole", Set.of("ecr:GetAuthorizationToken", "ecr:BatchGetImage",
                    "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability", "logs:CreateLogStream",
                    "logs:PutLogEvents", "secretsmanager:GetSecretValue", "kms:Decrypt"),
            // Lambda runtime of the pre-token-generation trigger
            "auth/AccessTokenClaimsRole", Set.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"),
            // Cognito's SMS MFA codes
            "auth/CognitoSmsRole", Set.of("sns:Publish"),
            "auth/ConsumerSmsRole", Set.of("sns:Publish"),
            // a running MediaLive channel: HLS to MediaPackage, archive and thumbnails to S3, SRT passphrases, logs
            "media/ChannelRole", Set.of("mediapackage:DescribeChannel", "s3:PutObject", "s3:ListBucket",
                    "kms:GenerateDataKey", "kms:Decrypt", "secretsmanager:GetSecretValue",
                    "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"));

    /** Actions IAM does not scope to a resource, so "*" is their only possible resource. */
    private static final Set<String> UNSCOPED = Set.of("ecr:GetAuthorizationToken", "sns:Publish",
            "cloudwatch:GetMetricData", "mediapackage:ListOriginEndpoints");

    private static final Pattern TABLE_ARN = Pattern.compile("table/lunora-\\$\\{Environment}-([A-Za-z]+)(/index/\\*)?$");

    @Test
    void shouldGrantEachServiceExactlyTheCallsItsCodeMakes() {
        Map<String, Set<String>> granted = new TreeMap<>();
        Stacks.resources(Stacks.read("services"), "AWS::IAM::Role").values().forEach(role ->
                granted.put(Stacks.tag(role, "lunora:service"), actions(role)));
        assertThat(granted).isEqualTo(new TreeMap<>(CODE_ACTIONS));
    }

    @Test
    void shouldGrantTableAccessOnlyToTheTablesAServiceOwns() {
        Map<String, Set<String>> owned = new TreeMap<>();
        Stacks.resources(Stacks.read("data"), "AWS::DynamoDB::Table").values().forEach(table -> {
            String sub = table.path("Properties").path("TableName").path("Fn::Sub").asString();
            owned.computeIfAbsent(Stacks.tag(table, "lunora:service"), k -> new TreeSet<>())
                    .add(sub.substring(sub.lastIndexOf('-') + 1));
        });
        Map<String, Set<String>> granted = new TreeMap<>();
        Stacks.resources(Stacks.read("services"), "AWS::IAM::Role").values().forEach(role -> {
            for (JsonNode statement : Stacks.statements(role)) {
                boolean dynamo = Stacks.strings(statement.path("Action")).stream().anyMatch(a -> a.startsWith("dynamodb:"));
                if (!dynamo) {
                    continue;
                }
                Set<String> tables = new TreeSet<>();
                Set<String> indexed = new TreeSet<>();
                for (JsonNode resource : statement.path("Resource")) {
                    Matcher m = TABLE_ARN.matcher(resource.path("Fn::Sub").asString());
                    assertThat(m.find()).as("table ARN " + resource).isTrue();
                    (m.group(2) == null ? tables : indexed).add(m.group(1));
                }
                assertThat(indexed).as("indexes only of the tables granted").isEqualTo(tables);
                granted.computeIfAbsent(Stacks.tag(role, "lunora:service"), k -> new TreeSet<>()).addAll(tables);
            }
        });
        assertThat(granted).isEqualTo(owned);
    }

    @Test
    void shouldGiveRolesThatAwsServicesAssumeOnlyWhatThoseServicesDo() {
        Map<String, Set<String>> granted = new TreeMap<>();
        for (String stack : List.of("base", "auth", "media", "frontends", "data")) {
            Stacks.resources(Stacks.read(stack), "AWS::IAM::Role")
                    .forEach((id, role) -> granted.put(stack + "/" + id, actions(role)));
        }
        assertThat(granted).isEqualTo(new TreeMap<>(PLATFORM_ACTIONS));
    }

    @Test
    void shouldNameNoWildcardActionInAnyPolicy() {
        List<String> wildcards = new ArrayList<>();
        Stacks.all().forEach((name, stack) -> Stacks.walk(stack, name, (path, value) -> {
            if (path.endsWith("/Action") || path.endsWith("/NotAction")) {
                Stacks.strings(value).stream().filter(a -> a.contains("*")).forEach(a -> wildcards.add(path + " " + a));
            }
        }));
        assertThat(wildcards).isEmpty();
    }

    @Test
    void shouldUseTheWildcardResourceOnlyForActionsIamCannotScope() {
        List<String> unscoped = new ArrayList<>();
        for (String stack : Stacks.NAMES) {
            for (JsonNode role : Stacks.resources(Stacks.read(stack), "AWS::IAM::Role").values()) {
                for (JsonNode statement : Stacks.statements(role)) {
                    if (Stacks.strings(statement.path("Resource")).contains("*")) {
                        Stacks.strings(statement.path("Action")).stream().filter(a -> !UNSCOPED.contains(a))
                                .forEach(a -> unscoped.add(stack + " " + a));
                    }
                }
            }
        }
        assertThat(unscoped).isEmpty();
    }

    @Test
    void shouldLetSecretStoresReachOnlyTheirOwnParameterPath() {
        Map<String, String> paths = new TreeMap<>();
        Stacks.resources(Stacks.read("services"), "AWS::IAM::Role").values().forEach(role -> {
            for (JsonNode statement : Stacks.statements(role)) {
                if (Stacks.strings(statement.path("Action")).contains("ssm:GetParameter")) {
                    String arn = statement.path("Resource").path("Fn::Sub").asString();
                    paths.put(Stacks.tag(role, "lunora:service"), arn.substring(arn.indexOf(":parameter") + 10));
                }
            }
        });
        // io.lunora.support.secrets.SecretNames and the TOTP secrets of auth-service's MfaService
        assertThat(paths).isEqualTo(Map.of(
                "auth-service", "/lunora-player/auth/*",
                "destination-service", "/lunora-player/streaming/*",
                "source-service", "/lunora-player/sources/*",
                "streaming-control-service", "/lunora-player/alerts/*"));
    }

    @Test
    void shouldLetStreamingControlDescribeOnlyTheMediaStacksPackagingChannel() {
        JsonNode role = Stacks.resources(Stacks.read("services"), "AWS::IAM::Role").get("StreamingControlTaskRole");
        List<JsonNode> describe = new ArrayList<>();
        Stacks.statements(role).forEach(s -> {
            if (Stacks.strings(s.path("Action")).contains("mediapackage:DescribeChannel")) {
                describe.add(s);
            }
        });
        // MediaPackage names a channel's ARN by its own id, not by {org}-{env}-live: the media stack exports it
        assertThat(describe).singleElement().satisfies(s -> {
            assertThat(Stacks.strings(s.path("Action"))).containsExactly("mediapackage:DescribeChannel");
            assertThat(s.path("Resource").path("Fn::ImportValue").path("Fn::Sub").asString())
                    .isEqualTo("lunora-${OrganizationId}-${Environment}-PackagingChannelArn");
        });
    }

    private static Set<String> actions(JsonNode role) {
        Set<String> actions = new TreeSet<>();
        Stacks.statements(role).forEach(s -> actions.addAll(Stacks.strings(s.path("Action"))));
        return actions;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
