package io.lunora.streaming.control;

import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.streaming.sessions.SwitchEventStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Wraps the real DynamoDB stores in counters of the calls the service makes to them. */
@TestConfiguration(proxyBeanMethods = false)
class CountingStores {
    /** Reads of one session (find, findOpen); the background's scans of all open sessions are not counted. */
    static final AtomicInteger sessionReads = new AtomicInteger();
    static final AtomicInteger sessionWrites = new AtomicInteger();
    static final AtomicInteger switchWrites = new AtomicInteger();

    @Bean
    static BeanPostProcessor countingStores() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SessionStore store) {
                    return new CountingSessionStore(store);
                }
                if (bean instanceof SwitchEventStore store) {
                    return new CountingSwitchEventStore(store);
                }
                return bean;
            }
        };
    }

    record CountingSessionStore(SessionStore real) implements SessionStore {
        @Override
        public StreamSession open(StreamSession session) {
            sessionWrites.incrementAndGet();
            return real.open(session);
        }

        @Override
        public StreamSession save(StreamSession session) {
            sessionWrites.incrementAndGet();
            return real.save(session);
        }

        @Override
        public void close(StreamSession session) {
            sessionWrites.incrementAndGet();
            real.close(session);
        }

        @Override
        public Optional<StreamSession> find(String organizationId, String sessionId) {
            sessionReads.incrementAndGet();
            return real.find(organizationId, sessionId);
        }

        @Override
        public Optional<StreamSession> findOpen(String organizationId) {
            sessionReads.incrementAndGet();
            return real.findOpen(organizationId);
        }

        @Override
        public List<StreamSession> findAllOpen() {
            return real.findAllOpen();
        }

        @Override
        public List<StreamSession> history(String organizationId, int limit) {
            return real.history(organizationId, limit);
        }

        @Override
        public List<StreamSession> startedBetween(String organizationId, java.time.LocalDate from,
                java.time.LocalDate to, int limit) {
            return real.startedBetween(organizationId, from, to, limit);
        }
    }

    record CountingSwitchEventStore(SwitchEventStore real) implements SwitchEventStore {
        @Override
        public void append(String organizationId, String sessionId, long sequence, StreamSession.FailoverEvent event) {
            switchWrites.incrementAndGet();
            real.append(organizationId, sessionId, sequence, event);
        }

        @Override
        public Page page(String organizationId, String sessionId, int limit, String cursor) {
            return real.page(organizationId, sessionId, limit, cursor);
        }
    }
}
