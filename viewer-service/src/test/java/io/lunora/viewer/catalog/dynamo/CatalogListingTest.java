package io.lunora.viewer.catalog.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lunora.model.viewer.CatalogSessionEvent;
import io.lunora.model.viewer.StreamDetails;
import io.lunora.testing.DynamoDbLocal;
import io.lunora.viewer.ServiceTest;
import io.lunora.viewer.catalog.CatalogEntry;
import io.lunora.viewer.catalog.CatalogStore;
import io.lunora.viewer.dynamo.ViewerTables;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** Browsing reads a short-lived snapshot of the catalog, never a stale one after its own writes. */
class CatalogListingTest extends ServiceTest {
    private final AtomicInteger scans = new AtomicInteger();

    @Autowired
    ViewerTables tables;

    @Test
    void shouldServeRepeatedListingsFromOneScan() {
        CatalogStore store = new DynamoCatalogStore(countingClient(), tables);
        store.listed();
        int afterFirst = scans.get();
        for (int i = 0; i < 20; i++) {
            store.listed();
        }
        assertThat(afterFirst).isPositive();
        assertThat(scans.get()).isEqualTo(afterFirst);
    }

    @Test
    void shouldListItsOwnWriteAtOnce() {
        CatalogStore store = new DynamoCatalogStore(countingClient(), tables);
        store.listed();
        String id = unique("own");
        store.markLive(live(id), Instant.now().toString());
        assertThat(store.listed()).extracting(CatalogEntry::streamId).contains(id);
    }

    @Test
    void shouldListAnotherInstancesWriteWithinTheSnapshotLifetime() {
        CatalogStore here = new DynamoCatalogStore(countingClient(), tables);
        CatalogStore there = new DynamoCatalogStore(countingClient(), tables);
        here.listed();
        String id = unique("there");
        there.markLive(live(id), Instant.now().toString());
        await().atMost(DynamoCatalogStore.LISTING_TTL.plusSeconds(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> here.listed().stream().anyMatch(e -> e.streamId().equals(id)));
    }

    private static CatalogSessionEvent live(String id) {
        return new CatalogSessionEvent(id, "sess-" + id, "org-1", "creator-1", true, "/hls/org-1/master.m3u8",
                Instant.now().toString(), new StreamDetails("Listing " + id, null, null));
    }

    private DynamoDbClient countingClient() {
        return DynamoDbClient.builder().endpointOverride(URI.create(DynamoDbLocal.shared().endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof ScanRequest) {
                            scans.incrementAndGet();
                        }
                    }
                }))
                .build();
    }
}
