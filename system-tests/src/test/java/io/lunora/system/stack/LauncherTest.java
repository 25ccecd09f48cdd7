package io.lunora.system.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lunora.testing.oidc.OidcFlow;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The real {@code ./lunora} launcher, end to end: one life of the stack in order (up, status, a
 * refused second up, a table written, down, up again, the table still there, down), on free ports
 * and a temporary {@code LUNORA_HOME}. The processes it starts come from
 * {@code LUNORA_TEST_SERVICES} (env) or {@code -Dlunora.test.services}; by default the whole stack.
 */
@EnabledOnOs(OS.LINUX) // reads /proc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherTest {
    static final String WHOLE_STACK = "dynamodb auth-service source-service destination-service preset-service "
            + "streaming-control-service viewer-service media-engine gateway-service";
    static final String TABLE = "launcher-test-Persistence";

    @TempDir
    static Path home;

    Launcher launcher;
    List<String> services;

    @BeforeAll
    void startTheStack() {
        String wanted = System.getProperty("lunora.test.services", System.getenv().getOrDefault("LUNORA_TEST_SERVICES", WHOLE_STACK));
        services = Arrays.asList(wanted.trim().split("\\s+"));
        launcher = new Launcher(home);
        Launcher.Result up = launcher.run(wanted, "up", "--no-build");
        assertThat(up.exitCode()).as("./lunora up:%n%s", up.output()).isZero();
    }

    @AfterAll
    void stopTheStack() {
        if (launcher != null) {
            launcher.run("", "down");
        }
    }

    @Test
    @Order(1)
    void shouldReportEveryProcessRunningAndHealthyOnItsPort() {
        Launcher.Result status = launcher.run(String.join(" ", services), "status");

        assertThat(status.exitCode()).as(status.output()).isZero();
        for (String service : services) {
            Matcher line = Pattern.compile("(?m)^" + service + "\\s+(\\d+)\\s+(\\d+)\\s+running\\s+UP$")
                    .matcher(status.output());
            assertThat(line.find()).as("%s in:%n%s", service, status.output()).isTrue();
            assertThat(ProcessHandle.of(Long.parseLong(line.group(1)))).isPresent();
        }
        assertThat(status.output()).contains(" " + launcher.port("LUNORA_DYNAMODB_PORT") + " ");
    }

    /**
     * Only the gateway is reachable from the network: every other process of the stack listens on
     * a loopback address (the kernel's own table of listening sockets says so, not the processes).
     */
    @Test
    @Order(1)
    void shouldListenOnTheNetworkWithTheGatewayOnly() {
        for (String variable : Launcher.PORT_VARIABLES) {
            String service = variable.replace("LUNORA_", "").replace("_PORT", "").toLowerCase(java.util.Locale.ROOT);
            List<ListeningSockets.Listener> listeners = ListeningSockets.on(launcher.port(variable));
            if (variable.equals("LUNORA_GATEWAY_PORT") || listeners.isEmpty()) {
                continue; // the public port; or a process not started in this run
            }
            assertThat(listeners).as("%s listens on", service)
                    .allSatisfy(l -> assertThat(loopback(l.address())).as("%s on %s", service, l).isTrue());
        }
        if (services.contains("gateway-service")) {
            assertThat(ListeningSockets.on(launcher.port("LUNORA_GATEWAY_PORT")))
                    .anySatisfy(l -> assertThat(l.address().isAnyLocalAddress()).isTrue());
        }
    }

    /** 127.0.0.0/8, ::1, or 127.x mapped into IPv6 (::ffff:127.0.0.1, how Java's dual stack shows it). */
    private static boolean loopback(java.net.InetAddress address) {
        byte[] raw = address.getAddress();
        boolean mapped = raw.length == 16 && java.util.stream.IntStream.range(0, 10).allMatch(i -> raw[i] == 0)
                && raw[10] == (byte) 0xff && raw[11] == (byte) 0xff && raw[12] == 127;
        return address.isLoopbackAddress() || mapped;
    }

    /**
     * Issue 3's whole path on the real stack: the bootstrap admin signs in through the gateway
     * (authorization code with PKCE, password change, TOTP enrolment), invites an operator whose
     * temporary password arrives by real SMTP, the operator signs in the same way, and both call
     * APIs through the gateway, held to the roles of the specification.
     */
    @Test
    @Order(2)
    void shouldSignInThroughTheGatewayAndHoldEachRoleToItsRoutes() throws Exception {
        assumeTrue(services.containsAll(List.of("auth-service", "source-service", "gateway-service")),
                "needs auth-service, source-service and the gateway");
        String gateway = "http://localhost:" + launcher.port("LUNORA_GATEWAY_PORT");
        OidcFlow flow = new OidcFlow(gateway, gateway);

        OidcFlow.Onboarded admin = flow.firstSignIn(flow.browser(), "lunora-admin", "admin",
                Launcher.ADMIN_PASSWORD, "Stack-Admin-Chosen-42");

        HttpResponse<String> config = api("GET", gateway + "/api/sources/config", admin.tokens().accessToken(), null);
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(config.body()).contains("\"redundancy_mode\"");
        HttpResponse<String> invited = api("POST", gateway + "/api/users", admin.tokens().accessToken(),
                "{\"username\":\"otto\",\"email\":\"otto@example.com\",\"group\":\"operators\"}");
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
        String mail = api("GET", "http://127.0.0.1:" + launcher.port("LUNORA_AUTH_PORT") + "/internal/dev/mail",
                null, null).body();
        Matcher temporary = Pattern.compile("Temporary password: (\\S+)").matcher(mail);
        assertThat(temporary.find()).as(mail).isTrue();

        OidcFlow.Onboarded operator = flow.firstSignIn(flow.browser(), "lunora-operator", "otto",
                temporary.group(1), "Stack-Operator-Chosen-7");

        String token = operator.tokens().accessToken();
        assertThat(api("GET", gateway + "/api/sources/config", token, null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = api("PUT", gateway + "/api/sources/config", token, "{}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api("GET", gateway + "/api/users", token, null).statusCode()).isEqualTo(403);
        assertThat(api("GET", gateway + "/api/users/me", token, null).body()).contains("otto");
        assertThat(api("GET", gateway + "/api/sources/config", null, null).statusCode()).isEqualTo(401);
        assertThat(api("GET", gateway + "/api/sources/config", operator.tokens().idToken(), null).statusCode())
                .as("an ID token is not an access token").isEqualTo(401);
    }

    private static HttpResponse<String> api(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    @Order(3)
    void shouldRefuseASecondUpWhileRunningAndStartNothing() {
        List<StackProcesses.Found> before = StackProcesses.mentioning(home.toString());

        Launcher.Result again = launcher.run(String.join(" ", services), "up", "--no-build");

        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("already running").doesNotContain("  started ");
        assertThat(StackProcesses.mentioning(home.toString())).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    @Order(4)
    void shouldKeepDynamoDbDataAcrossDownAndUp() {
        try (DynamoDbClient dynamo = dynamoDb()) {
            dynamo.createTable(t -> t.tableName(TABLE)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        }
        assertThat(launcher.run("", "down").exitCode()).isZero();

        Launcher.Result up = launcher.run("dynamodb", "up", "--no-build");

        assertThat(up.exitCode()).as(up.output()).isZero();
        try (DynamoDbClient dynamo = dynamoDb()) {
            assertThat(dynamo.listTables().tableNames()).contains(TABLE);
        }
    }

    @Test
    @Order(5)
    void shouldLeaveNoProcessBehindAfterDown() {
        assertThat(StackProcesses.mentioning(home.toString())).isNotEmpty();

        Launcher.Result down = launcher.run("", "down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(StackProcesses.mentioning(home.toString())).isEmpty();
        assertThat(launcher.run("", "status").output()).doesNotContain("running");
    }

    private DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + launcher.port("LUNORA_DYNAMODB_PORT")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
