package io.lunora.streaming.recordings.engine;

import io.lunora.streaming.recordings.RecordingStore;
import io.lunora.support.clients.ServiceClients;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Locally the recordings are the engine's, unless {@code lunora.mode=aws}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
class EngineRecordingConfiguration {

    @Bean
    RecordingStore engineRecordingStore(ServiceClients clients, @Value("${lunora.services.engine-url}") String url) {
        // a download is streamed as the browser reads it: the stream client, whose read timeout
        // is per read, not for the whole answer, and which does not retry a half-sent body
        return new EngineRecordingStore(clients.forService(url, Duration.ofSeconds(30)),
                clients.forStream(url, Duration.ofSeconds(60)));
    }
}
