package io.lunora.streaming.media.engine;

import io.lunora.streaming.media.MediaBackend;
import io.lunora.support.clients.ServiceClients;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The local engine is the media backend unless {@code lunora.mode=aws}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lunora.mode", havingValue = "local", matchIfMissing = true)
class LocalEngineConfiguration {

    @Bean
    MediaBackend localEngineBackend(ServiceClients clients, JsonMapper json,
            @Value("${lunora.services.engine-url}") String url) {
        // starting a channel waits for FFmpeg processes: a longer read timeout than other calls;
        // the event stream carries keep-alive comments, so a silent minute means a dead connection
        return new LocalEngineBackend(clients.forService(url, Duration.ofSeconds(30)),
                clients.forStream(url, Duration.ofSeconds(60)), json);
    }
}
