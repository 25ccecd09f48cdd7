package io.lunora.system.web;

import io.lunora.streaming.StreamingControlApplication;
import io.lunora.streaming.catalog.CatalogPublisher;
import io.lunora.support.clients.ServiceClientAutoConfiguration;
import io.lunora.system.stack.OwnConfiguration;
import io.lunora.testing.RecordingHttpEndpoint;
import io.lunora.testing.RecordingHttpEndpoint.Recorded;
import io.lunora.testing.RecordingHttpEndpoint.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * streaming-control's {@link CatalogPublisher} in this JVM, with the service's own configuration,
 * JSON naming and client-credentials token, pointed at a running viewer-service through a relay on
 * loopback. The relay hands each request on unchanged and keeps viewer-service's answer, which the
 * publisher itself only logs (the catalog is best effort for a broadcast): so a test sees whether
 * the callee's real validation accepted the caller's real request.
 */
final class StreamingControlCatalogRelay implements AutoCloseable {
    /** Headers Java's HTTP client sets itself and refuses to be given. */
    private static final Set<String> OWN_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** Streaming-control's catalog package: the same scan and configuration, without the rest of the service. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan("io.lunora.streaming.catalog")
    @ImportAutoConfiguration({ JacksonAutoConfiguration.class, ServiceClientAutoConfiguration.class })
    static class CatalogPublishing {
    }

    /** One request as the publisher sent it, and viewer-service's answer to it. */
    record Exchange(Recorded request, Reply answer) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String viewer;
    private final RecordingHttpEndpoint relay = new RecordingHttpEndpoint();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final ConfigurableApplicationContext control;

    /**
     * @param viewer     viewer-service's own base URL (not the gateway's: the endpoint is internal)
     * @param tokenUri   auth-service's token endpoint
     * @param secretFile streaming-control's client secret auth-service wrote
     */
    StreamingControlCatalogRelay(String viewer, String tokenUri, Path secretFile) {
        this.viewer = viewer;
        relay.answer(this::handOn);
        control = new SpringApplicationBuilder(CatalogPublishing.class).web(WebApplicationType.NONE).run(
                "--spring.config.location=" + OwnConfiguration.of(StreamingControlApplication.class),
                "--lunora.services.viewer-url=" + relay.url(),
                "--lunora.services.token-uri=" + tokenUri,
                "--lunora.services.secret-file=" + secretFile);
    }

    CatalogPublisher publisher() {
        return control.getBean(CatalogPublisher.class);
    }

    /** The last request to the catalog's endpoint and its answer; fails when none was sent. */
    Exchange last() {
        if (exchanges.isEmpty()) {
            throw new AssertionError("the publisher sent nothing to viewer-service");
        }
        return exchanges.getLast();
    }

    private Reply handOn(Recorded request) {
        HttpRequest.Builder call = HttpRequest.newBuilder(URI.create(viewer + request.path()))
                .timeout(Duration.ofSeconds(15))
                .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> {
            if (!OWN_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> call.header(name, value));
            }
        });
        try {
            HttpResponse<String> answer = http.send(call.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                    answer.body());
            exchanges.add(new Exchange(request, reply));
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            control.close();
        } finally {
            relay.close();
        }
    }
}
