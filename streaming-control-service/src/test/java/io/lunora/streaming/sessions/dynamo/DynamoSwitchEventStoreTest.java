package io.lunora.streaming.sessions.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.streaming.sessions.StreamSession.FailoverEvent;
import io.lunora.streaming.sessions.SwitchEventStore;
import io.lunora.support.dynamo.TableBootstrap;
import io.lunora.support.dynamo.TableNames;
import io.lunora.testing.DynamoDbLocal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The switch events adapter on DynamoDB Local, with the table the data stack defines. */
class DynamoSwitchEventStoreTest {
    static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    static DynamoSwitchEventStore store;

    @BeforeAll
    static void connect() {
        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(DynamoDbLocal.shared().endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                .build();
        TableNames names = new TableNames("local"); // the tables the service itself creates in this JVM's DynamoDB Local
        new TableBootstrap(dynamo, names).createTablesOwnedBy("streaming-control-service");
        store = new DynamoSwitchEventStore(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(), names);
    }

    @Test
    void shouldAnswerASessionsSwitchesOnlyToItsOrganization() {
        String session = newSession();
        store.append("org-a", session, 1, new FailoverEvent(T0, "primary", "slate", "input_loss"));

        assertThat(store.page("org-b", session, 10, null).events()).isEmpty();
        assertThat(store.page("org-a", session, 10, null).events()).hasSize(1);
    }

    @Test
    void shouldStoreARetriedSwitchOnceAndOrderSwitchesOfOneInstantByTheirSequence() {
        String session = newSession();
        store.append("org-a", session, 2, new FailoverEvent(T0, "slate", "secondary", "input_loss"));
        store.append("org-a", session, 1, new FailoverEvent(T0, "primary", "slate", "input_loss"));
        store.append("org-a", session, 2, new FailoverEvent(T0, "slate", "secondary", "input_loss"));
        store.append("org-a", session, 3, new FailoverEvent(T0.plusMillis(500), "secondary", "slate", "input_loss"));

        SwitchEventStore.Page first = store.page("org-a", session, 2, null);
        SwitchEventStore.Page second = store.page("org-a", session, 2, first.nextCursor());

        assertThat(first.events()).extracting(FailoverEvent::to).containsExactly("slate", "secondary");
        assertThat(second.events()).extracting(FailoverEvent::to).containsExactly("slate");
        assertThat(second.nextCursor()).isNull();
        assertThat(second.events().getFirst().time()).isEqualTo(T0.plusMillis(500));
    }

    @Test
    void shouldRefuseACursorItDidNotGiveOut() {
        assertThatThrownBy(() -> store.page("org-a", newSession(), 5, "not a cursor"))
                .isInstanceOf(SwitchEventStore.InvalidCursorException.class);
        assertThatThrownBy(() -> store.page("org-a", newSession(), 5, "c2Vzc2lvbg"))
                .isInstanceOf(SwitchEventStore.InvalidCursorException.class);
    }

    private static String newSession() {
        return "s-" + UUID.randomUUID();
    }
}
