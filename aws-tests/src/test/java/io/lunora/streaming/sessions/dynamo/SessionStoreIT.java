package io.lunora.streaming.sessions.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.aws.dynamo.DynamoOnLocalStack;
import io.lunora.streaming.sessions.ConcurrentChangeException;
import io.lunora.streaming.sessions.OutputState;
import io.lunora.streaming.sessions.SessionStatus;
import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.streaming.sessions.SwitchCounts;
import io.lunora.streaming.sessions.StreamSession.SourceSnapshot;
import io.lunora.support.dynamo.TableNames;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * streaming-control-service's real session store on LocalStack's DynamoDB: the open-session
 * transaction, the status index, and a stale save refused (the 409 of the API).
 */
class SessionStoreIT {
    static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static StreamSession session(String org, String id) {
        return new StreamSession(org, id, "olivia", "user-olivia", START, null, SessionStatus.STARTING,
                new SourceSnapshot("auto_failover", 5, "Videon A", "Videon B", "primary"),
                List.of(new StreamSession.Destination("d-1", "Main channel", "youtube", "youtube-1080p",
                        OutputState.CONNECTING, true, START, null, 0, 0, null)),
                SwitchCounts.NONE, List.of(), List.of(), false, START.plusSeconds(4 * 3600), "stream-" + id, null);
    }

    static DynamoSessionStore store(org.springframework.context.ApplicationContext context) {
        return new DynamoSessionStore(context.getBean(DynamoDbEnhancedClient.class), context.getBean(TableNames.class),
                Clock.systemUTC());
    }

    static String org() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldOpenFindAndCloseASessionThroughTheStatusIndex() {
        DynamoOnLocalStack.service("streaming-control-service").run(context -> {
            DynamoSessionStore store = store(context);
            String org = org();

            StreamSession opened = store.open(session(org, "s-0001"));

            assertThat(store.findOpen(org)).get().extracting(StreamSession::sessionId).isEqualTo("s-0001");
            assertThat(store.findAllOpen()).extracting(StreamSession::sessionId).contains("s-0001");
            StreamSession stopped = store.save(opened.withStatus(SessionStatus.STOPPED, START.plusSeconds(60)));
            store.close(stopped);
            assertThat(store.findOpen(org)).isEmpty();
            assertThat(store.history(org, 10)).extracting(StreamSession::status).containsExactly(SessionStatus.STOPPED);
        });
    }

    @Test
    void shouldLetOnlyOneSessionOpenPerOrganization() {
        DynamoOnLocalStack.service("streaming-control-service").run(context -> {
            DynamoSessionStore store = store(context);
            String org = org();
            store.open(session(org, "s-0001"));

            assertThatThrownBy(() -> store.open(session(org, "s-0002")))
                    .isInstanceOf(SessionStore.AlreadyOpenException.class)
                    .extracting(e -> ((SessionStore.AlreadyOpenException) e).openSessionId()).isEqualTo("s-0001");
            assertThat(store.find(org, "s-0002")).isEmpty();
        });
    }

    @Test
    void shouldRefuseASaveBasedOnAStaleVersion() {
        DynamoOnLocalStack.service("streaming-control-service").run(context -> {
            DynamoSessionStore store = store(context);
            String org = org();
            StreamSession opened = store.open(session(org, "s-0001"));
            store.save(opened.withStatus(SessionStatus.ACTIVE, START.plusSeconds(5)));

            assertThatThrownBy(() -> store.save(opened.withStatus(SessionStatus.ERROR, START.plusSeconds(6))))
                    .isInstanceOf(ConcurrentChangeException.class);
            assertThat(store.find(org, "s-0001")).get().extracting(StreamSession::status).isEqualTo(SessionStatus.ACTIVE);
        });
    }
}
