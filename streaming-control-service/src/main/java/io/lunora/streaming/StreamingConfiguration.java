package io.lunora.streaming;

import io.lunora.streaming.alerts.MediaAlerts;
import io.lunora.streaming.control.StreamingControlService;
import io.lunora.streaming.control.StreamingProperties;
import io.lunora.streaming.media.MediaBackend;
import io.lunora.support.security.AuthorizationRules;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Role rules, the clock, and the background work: media events, live figures, duration limits, reconciliation. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(StreamingProperties.class)
class StreamingConfiguration {
    private static final Logger log = LoggerFactory.getLogger(StreamingConfiguration.class);

    @Bean
    AuthorizationRules streamingRules() {
        return rules -> rules.requestMatchers("/api/streaming/**", "/api/health/**").hasAnyRole("OPERATORS", "ADMINS")
                // what a recording shows is the program: the same people as the session; the service scopes by owner
                .requestMatchers("/api/recordings", "/api/recordings/**").hasAnyRole("OPERATORS", "ADMINS")
                .requestMatchers(HttpMethod.GET, "/api/sources/status").hasAnyRole("OPERATORS", "ADMINS")
                .requestMatchers(HttpMethod.POST, "/api/sources/switch").hasAnyRole("OPERATORS", "ADMINS")
                .requestMatchers(HttpMethod.GET, "/api/sources/*/preview").hasAnyRole("OPERATORS", "ADMINS")
                // the source configuration is source-service's; the gateway sends only these here
                .requestMatchers("/api/sources/**").denyAll()
                // streaming-control serves no internal endpoint
                .requestMatchers("/internal/**").denyAll();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BackgroundWork backgroundWork(StreamingControlService control, MediaAlerts alerts, MediaBackend media) {
        return new BackgroundWork(control, alerts, media);
    }

    static class BackgroundWork implements AutoCloseable {
        private final StreamingControlService control;
        private final MediaAlerts alerts;
        private final MediaBackend media;
        private AutoCloseable subscription;

        BackgroundWork(StreamingControlService control, MediaAlerts alerts, MediaBackend media) {
            this.control = control;
            this.alerts = alerts;
            this.media = media;
        }

        /** Once the service is up: follow the media events, and bring open sessions back in line. */
        @EventListener(ApplicationReadyEvent.class)
        void start() {
            subscription = media.subscribe(event -> {
                try {
                    control.onMediaEvent(event);
                } finally {
                    alerts.onMediaEvent(event);
                }
            });
            try {
                control.reconcile();
            } catch (RuntimeException e) {
                log.warn("Reconciling open sessions failed ({}); it is retried with the duration check",
                        e.getClass().getSimpleName());
            }
        }

        /** Live figures to the browsers that watch a session; the store is not written. */
        @Scheduled(fixedDelay = 5_000, initialDelay = 5_000)
        void publishLiveFigures() {
            control.publishLiveFigures();
        }

        @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
        void enforceLimits() {
            control.enforceMaxDuration();
            control.retryUndoneStarts();
        }

        @Override
        public void close() throws Exception {
            if (subscription != null) {
                subscription.close();
            }
        }
    }
}
