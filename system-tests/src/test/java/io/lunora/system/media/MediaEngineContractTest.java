package io.lunora.system.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.lunora.model.identity.ServiceClient;
import io.lunora.model.media.ChannelRequest;
import io.lunora.streaming.StreamingControlApplication;
import io.lunora.streaming.media.ChannelStatus;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.streaming.media.engine.LocalEngineBackend;
import io.lunora.support.clients.DownstreamFailures;
import io.lunora.support.clients.ServiceClientAutoConfiguration;
import io.lunora.system.stack.OwnConfiguration;
import io.lunora.testing.FreePorts;
import io.lunora.testing.ProjectPaths;
import io.lunora.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

/**
 * The contract between streaming-control-service and the media engine, both real: the engine's
 * runnable jar in its own JVM (its validation, its service-token check) and streaming-control's
 * media selection in this one, with its own configuration, so that {@link LocalEngineBackend} is
 * the bean the service runs with (its JSON naming, its token flow). The requests the backend builds
 * are accepted by the engine's validation — the warm inputs, the session, the operator's and the
 * administrator's free-text switch reasons and "Pause all" included — and the engine's answers
 * (status with its pause, the 404 of a preview not there yet) are read by the backend's parser, and
 * its 503 "Engine busy" reaches streaming-control's caller with its Retry-After.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MediaEngineContractTest {
    private static final String ORG = "org-contract";
    private static final String CLIENT_SECRET = "contract-client-secret-5e1a";

    private final TestIssuer issuer = new TestIssuer();
    private Path data;
    private Process engine;
    private Path engineLog;
    private ConfigurableApplicationContext control;
    private MediaBackend media;

    /** Streaming-control's media selection: the same package scan and configuration, without the rest of the service. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan("io.lunora.streaming.media")
    @ImportAutoConfiguration({ JacksonAutoConfiguration.class, ServiceClientAutoConfiguration.class })
    static class LocalMediaBackend {
    }

    @BeforeAll
    void startTheEngineAndTheBackend() throws IOException {
        data = Files.createTempDirectory("engine-contract");
        int port = FreePorts.next();
        engineLog = data.resolve("engine.log");
        engine = startEngine(port, data.resolve("engine"), engineLog);
        control = startBackend(port);
        media = control.getBean(MediaBackend.class);
        assertThat(media).isInstanceOf(LocalEngineBackend.class);
    }

    /** The engine's runnable jar in its own JVM, once it answers its health check. */
    private Process startEngine(int port, Path folder, Path log, String... settings) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", engineJar().toString(), "--server.port=" + port,
                "--lunora.engine.data-dir=" + folder,
                "--lunora.security.jwk-set-uri=" + issuer.jwkSetUri(),
                // the contract, not the picture: the least FFmpeg work a channel allows
                "--lunora.engine.hls.enabled=false", "--lunora.engine.slate.width=160",
                "--lunora.engine.slate.height=90", "--lunora.engine.slate.frame-rate=5"));
        command.addAll(List.of(settings));
        Process started = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // the engine unpacks FFmpeg on its first start: minutes on a busy 2-core machine
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> !started.isAlive() || answers(port));
        assertThat(started.isAlive()).as("the engine started: %s", Files.readString(log)).isTrue();
        return started;
    }

    /** Streaming-control's media selection with its own configuration, pointed at the engine on {@code port}. */
    private ConfigurableApplicationContext startBackend(int port, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.config.location=" + OwnConfiguration.of(StreamingControlApplication.class),
                "--lunora.services.engine-url=http://127.0.0.1:" + port,
                "--lunora.services.token-uri=" + issuer.clientCredentialsTokenUri(ServiceClient.STREAMING_CONTROL, CLIENT_SECRET),
                "--lunora.services.client-secret=" + CLIENT_SECRET));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(LocalMediaBackend.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        try {
            if (media != null) {
                media.stopChannel(ORG);
            }
            if (control != null) {
                control.close();
            }
        } finally {
            stop(engine);
            issuer.close();
        }
    }

    private static void stop(Process engine) throws InterruptedException {
        if (engine != null) {
            List<ProcessHandle> children = engine.descendants().toList();
            engine.destroy();
            if (!engine.waitFor(20, TimeUnit.SECONDS)) {
                engine.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private final ChannelRequest.Inputs inputs = new ChannelRequest.Inputs("manual", 2, "stay", 0,
            new ChannelRequest.Input("Camera A", "listener", "127.0.0.1", FreePorts.next(), 120, null, null, null),
            new ChannelRequest.Input("Camera B", "listener", "127.0.0.1", FreePorts.next(), 120,
                    "contract-Passphrase-42", 16, null));

    @Test
    @Order(0)
    void shouldWarmTheInputsBeforeAnySessionFromTheBackendsRequest() {
        media.warmInputs(ORG, inputs);

        ChannelStatus status = media.status(ORG);

        assertThat(status.running()).as("no session runs").isFalse();
        assertThat(status.inputs()).extracting(ChannelStatus.InputHealth::input)
                .containsExactlyInAnyOrder("primary", "secondary");
        assertThat(media.inputPreview(ORG, "primary")).as("no picture before an encoder delivers").isEmpty();
        assertRefused(() -> media.warmInputs(ORG, new ChannelRequest.Inputs("single", 2, "stay", 0,
                new ChannelRequest.Input("Camera A", "listener", "127.0.0.1", 80, 120, null, null, null), null)),
                "primary.port");
    }

    @Test
    @Order(1)
    void shouldStartAChannelFromTheBackendsRequestAndReadTheEnginesStatus() {
        media.startChannel(new ChannelRequest(ORG, "s-contract-1", inputs, false));

        ChannelStatus status = media.status(ORG);

        assertThat(status.running()).isTrue();
        assertThat(status.inputs()).extracting(ChannelStatus.InputHealth::input)
                .containsExactlyInAnyOrder("primary", "secondary");
        assertThat(status.inputs()).allSatisfy(i -> assertThat(i.connected()).isFalse());
        assertThat(status.outputs()).isEmpty();
    }

    @Test
    @Order(2)
    void shouldHaveTheOperatorsAndTheAdministratorsFreeTextReasonsAccepted() throws IOException {
        assertThat(media.switchTo(ORG, "secondary", "manual switch by operator")).isEmpty();
        assertThat(media.switchTo(ORG, "primary", "forced by administrator")).isEmpty();
        assertThat(media.switchTo(ORG, "secondary", "Kamera B – Ersatz wegen Störung (Regie, 20:15 Uhr)")).isEmpty();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readString(engineLog))
                .contains("manual switch of " + ORG + " to secondary: manual switch by operator",
                        "manual switch of " + ORG + " to primary: forced by administrator"));
    }

    @Test
    @Order(3)
    void shouldBeRefusedByTheEnginesValidationWhereTheSharedContractSaysSo() {
        assertRefused(() -> media.switchTo(ORG, "tertiary", "manual switch by operator"), "input");
        assertRefused(() -> media.switchTo(ORG, "primary", "x".repeat(201)), "reason");
        assertRefused(() -> media.switchTo(ORG, "primary", "first line\nsecond line"), "reason");
    }

    @Test
    @Order(4)
    void shouldPauseAndResumeTheProgramFromTheBackendsRequestsAndReadItInTheStatus() throws IOException {
        media.pause(ORG, true);
        assertThat(media.status(ORG).paused()).as("the slate on air for every output").isTrue();
        media.pause(ORG, true);
        assertThat(media.status(ORG).paused()).as("pausing again changes nothing").isTrue();

        media.pause(ORG, false);
        assertThat(media.status(ORG).paused()).isFalse();
        assertThat(media.status(ORG).running()).as("the session goes on").isTrue();
        assertRefused(() -> media.pause("o".repeat(65), true), "organization");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readString(engineLog))
                .contains("program of " + ORG + " paused: slate on air", "program of " + ORG + " resumed"));
    }

    @Test
    @Order(5)
    void shouldEndTheSessionAndKeepTheInputsWarm() {
        media.stopChannel(ORG);

        ChannelStatus status = media.status(ORG);

        assertThat(status.running()).isFalse();
        assertThat(status.inputs()).as("the inputs stay warm for the next session").hasSize(2);
    }

    /**
     * An engine whose commands outlive its answer deadline (here none at all, as on a machine where the stops of
     * many outputs take seconds) answers 503 "Engine busy" with Retry-After, and what reaches
     * streaming-control's caller says "Engine busy" and when to try again, not "the engine did not
     * answer". The command itself still ran: the input listens.
     */
    @Test
    @Order(6)
    void shouldPassOnTheEnginesBusyAnswerWithItsRetryAfterWhileTheCommandStillRuns() throws Exception {
        int port = FreePorts.next();
        Path folder = data.resolve("busy-engine");
        Files.createDirectories(folder);
        Process busyEngine = startEngine(port, folder, folder.resolve("engine.log"),
                "--lunora.engine.command-deadline=0ms");
        // one attempt: a retry of the idempotent command may find it done already (a no-op that beats
        // even a zero deadline), and the answer to pass on is the engine's busy one
        try (ConfigurableApplicationContext busyControl = startBackend(port,
                "--lunora.services.resilience.services.media-engine.retry-attempts=1")) {
            MediaBackend busyMedia = busyControl.getBean(MediaBackend.class);
            int inputPort = FreePorts.next();
            ChannelRequest.Inputs single = new ChannelRequest.Inputs("single", 2, "stay", 0,
                    new ChannelRequest.Input("Camera A", "listener", "127.0.0.1", inputPort, 120, null, null, null), null);

            RestClientException busy = catchThrowableOfType(RestClientException.class,
                    () -> busyMedia.warmInputs(ORG, single));

            assertThat(busy).as("the engine answered busy").isNotNull();
            ProblemDetail problem = DownstreamFailures.problem(busy);
            assertThat(problem.getStatus()).isEqualTo(503);
            assertThat(problem.getTitle()).isEqualTo("Engine busy");
            assertThat(problem.getProperties()).containsEntry("retry_after_seconds", 2);
            assertThat(DownstreamFailures.retryAfter(problem).getFirst("Retry-After")).isEqualTo("2");
            await("the warmed input listens on its SRT port").atMost(Duration.ofSeconds(20))
                    .until(() -> udpPortTaken(inputPort));
        } finally {
            stop(busyEngine);
        }
    }

    private static boolean udpPortTaken(int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            return false;
        } catch (SocketException taken) {
            return true;
        }
    }

    private static void assertRefused(Runnable call, String field) {
        HttpClientErrorException refused = catchThrowableOfType(HttpClientErrorException.class, call::run);

        assertThat(refused).as("the engine refuses it").isNotNull();
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getResponseBodyAsString()).contains("\"field\":\"" + field + "\"");
    }

    private static boolean answers(int port) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path engineJar() {
        Path target = ProjectPaths.root().resolve("media-engine/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("media-engine-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build media-engine first: no exec jar in " + target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
