package io.lunora.engine;

import io.lunora.engine.ffmpeg.Ffmpeg;
import io.lunora.engine.ffmpeg.FfmpegLocator;
import io.lunora.engine.process.ChildPool;
import io.lunora.engine.process.ChildRegistry;
import io.lunora.engine.process.Redactor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The engine's shared parts. FFmpeg is located and verified while the context starts, so a
 * missing library or capability stops the engine at once with the fix in the message; the child
 * pool ends what a crashed earlier run left behind before anything new is started.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineProperties.class)
@EnableScheduling
class EngineConfiguration {

    @Bean
    Ffmpeg ffmpeg(EngineProperties properties) {
        return FfmpegLocator.locate(properties.ffmpegPath());
    }

    @Bean
    Redactor redactor() {
        return new Redactor();
    }

    @Bean(destroyMethod = "close")
    ChildPool childPool(EngineProperties properties, Redactor redactor) {
        return new ChildPool(redactor, properties.stopGrace(),
                new ChildRegistry(properties.dataDir().resolve("children.pids")));
    }
}
