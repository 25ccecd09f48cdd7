package io.lunora.destination.destinations.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lunora.aws.dynamo.DynamoOnLocalStack;
import io.lunora.destination.destinations.Destination;
import io.lunora.support.dynamo.TableNames;
import io.lunora.support.problem.ConflictException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** destination-service's real store on LocalStack's DynamoDB, optimistic locking included (409 on a stale version). */
class DestinationStoreIT {
    static final String ORG = "org-" + UUID.randomUUID().toString().substring(0, 8);

    static Destination destination(String id, String name, Long version) {
        return new Destination(id, ORG, "user-1", name, "youtube", "rtmp://a.rtmp.youtube.com/live2",
                "/lunora-player/streaming/youtube/stream-key-" + id, "****abcd", "youtube-1080p", true, false, false,
                false, version, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    }

    @Test
    void shouldCreateListUpdateAndDeleteWithVersions() {
        DynamoOnLocalStack.service("destination-service").run(context -> {
            DynamoDestinationStore store = new DynamoDestinationStore(context.getBean(DynamoDbEnhancedClient.class),
                    context.getBean(TableNames.class));

            Destination created = store.create(destination("d-1", "Main channel", null));
            Destination renamed = store.update(destination("d-1", "Main channel (EU)", created.version()));

            assertThat(created.version()).isEqualTo(1L);
            assertThat(renamed.version()).isEqualTo(2L);
            assertThat(store.list(ORG)).extracting(Destination::name).containsExactly("Main channel (EU)");
            store.delete(ORG, "d-1", renamed.version());
            assertThat(store.find(ORG, "d-1")).isEmpty();
        });
    }

    @Test
    void shouldRefuseAStaleWriteAsAConflictAndKeepTheNewerVersion() {
        DynamoOnLocalStack.service("destination-service").run(context -> {
            DynamoDestinationStore store = new DynamoDestinationStore(context.getBean(DynamoDbEnhancedClient.class),
                    context.getBean(TableNames.class));
            Destination created = store.create(destination("d-2", "Backup channel", null));
            store.update(destination("d-2", "Written by the first editor", created.version()));

            assertThatThrownBy(() -> store.update(destination("d-2", "Written by the second editor", created.version())))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> store.delete(ORG, "d-2", created.version())).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> store.create(destination("d-2", "Same id again", null)))
                    .isInstanceOf(ConflictException.class);
            assertThat(store.find(ORG, "d-2")).get().extracting(Destination::name, Destination::version)
                    .containsExactly("Written by the first editor", 2L);
        });
    }
}
