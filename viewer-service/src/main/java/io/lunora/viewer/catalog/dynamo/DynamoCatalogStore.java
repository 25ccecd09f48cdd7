package io.lunora.viewer.catalog.dynamo;

import static io.lunora.viewer.dynamo.Attrs.bool;
import static io.lunora.viewer.dynamo.Attrs.flag;
import static io.lunora.viewer.dynamo.Attrs.list;
import static io.lunora.viewer.dynamo.Attrs.n;
import static io.lunora.viewer.dynamo.Attrs.num;
import static io.lunora.viewer.dynamo.Attrs.putIfPresent;
import static io.lunora.viewer.dynamo.Attrs.s;
import static io.lunora.viewer.dynamo.Attrs.str;
import static io.lunora.viewer.dynamo.Attrs.strings;

import io.lunora.model.viewer.CatalogSessionEvent;
import io.lunora.model.viewer.StreamDetails;
import io.lunora.support.problem.ConcurrentChangeException;
import io.lunora.support.problem.ConflictException;
import io.lunora.viewer.catalog.CatalogEntry;
import io.lunora.viewer.catalog.CatalogStore;
import io.lunora.viewer.dynamo.ViewerTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link CatalogStore} on DynamoDB (StreamCatalog). The catalog of one deployment is small enough to be read whole for
 * listings; browsing reads a snapshot at most once per {@link #LISTING_TTL} per instance instead of
 * scanning the table on every request, and every write through this store refreshes it.
 */
@Component
class DynamoCatalogStore implements CatalogStore {
    static final Duration LISTING_TTL = Duration.ofSeconds(2);

    private final DynamoDbClient dynamo;
    private final String table;
    private final AtomicLong writes = new AtomicLong();
    private volatile Snapshot snapshot;

    private record Snapshot(long readAtNanos, long writesBefore, List<CatalogEntry> entries) {
    }

    DynamoCatalogStore(DynamoDbClient dynamo, ViewerTables tables) {
        this.dynamo = dynamo;
        this.table = tables.catalog();
    }

    @Override
    public Optional<CatalogEntry> find(String streamId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(streamId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** The whole catalog as of at most {@link #LISTING_TTL} ago, and after this instance's last write. */
    @Override
    public List<CatalogEntry> listed() {
        Snapshot known = snapshot;
        long now = System.nanoTime();
        if (known != null && known.writesBefore() == writes.get() && now - known.readAtNanos() < LISTING_TTL.toNanos()) {
            return known.entries();
        }
        long writesBefore = writes.get();
        List<CatalogEntry> entries = List.copyOf(all());
        snapshot = new Snapshot(now, writesBefore, entries);
        return entries;
    }

    /** The whole catalog, read now. */
    @Override
    public List<CatalogEntry> all() {
        List<CatalogEntry> entries = new ArrayList<>();
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).items().forEach(i -> entries.add(fromItem(i)));
        return entries;
    }

    /**
     * Writes the editorial fields. {@code expectedVersion} null creates the entry (it must not exist);
     * otherwise the stored version must match, or the write fails with a conflict.
     */
    @Override
    public void saveEditorial(CatalogEntry e, Long expectedVersion) {
        if (expectedVersion == null) {
            Map<String, AttributeValue> item = new HashMap<>(key(e.streamId()));
            editorial(e).forEach((k, v) -> item.put(k.substring(1), v));
            item.put("created_at", s(e.createdAt()));
            item.put("is_live", bool(false));
            item.put("viewer_count", n(0));
            item.put("like_count", n(0));
            item.put("version", n(1));
            if (e.organizationId() != null) {
                item.put("organization_id", s(e.organizationId()));
            }
            try {
                put(PutItemRequest.builder().tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(stream_id)").build());
            } catch (ConditionalCheckFailedException exists) {
                throw new ConflictException("A catalog entry with this stream id exists already.");
            }
            return;
        }
        Map<String, AttributeValue> values = new HashMap<>(editorial(e));
        values.put(":expected", n(expectedVersion));
        values.put(":one", n(1));
        StringBuilder set = new StringBuilder("SET ");
        editorial(e).keySet().forEach(k -> set.append('#').append(k.substring(1)).append(" = ").append(k).append(", "));
        set.append("version = version + :one");
        Map<String, String> names = new HashMap<>();
        editorial(e).keySet().forEach(k -> names.put("#" + k.substring(1), k.substring(1)));
        StringBuilder remove = new StringBuilder();
        for (String optional : List.of("description", "thumbnail_url", "scheduled_start")) {
            if (!values.containsKey(":" + optional)) {
                remove.append(remove.isEmpty() ? " REMOVE " : ", ").append(optional);
            }
        }
        try {
            update(UpdateItemRequest.builder().tableName(table).key(key(e.streamId()))
                    .updateExpression(set + remove.toString())
                    .conditionExpression("version = :expected")
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
        } catch (ConditionalCheckFailedException stale) {
            throw new ConcurrentChangeException();
        }
    }

    /** A session went live: live fields are set, and a missing entry is created as a public draft. */
    @Override
    public void markLive(CatalogSessionEvent event, String now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":t", bool(true));
        values.put(":hls", s(event.hlsUrl()));
        values.put(":started", s(event.startedAt()));
        values.put(":session", s(event.sessionId()));
        values.put(":now", s(now));
        StreamDetails details = event.catalog() == null ? new StreamDetails(null, null, null) : event.catalog();
        values.put(":title", s(details.title() == null ? "Live stream" : details.title()));
        values.put(":category", s(details.category() == null ? "general" : details.category()));
        values.put(":public", s("public"));
        values.put(":zero", n(0));
        values.put(":one", n(1));
        values.put(":f", bool(false));
        values.put(":empty", list(List.of()));
        String expression = "SET is_live = :t, hls_url = :hls, started_at = :started, session_id = :session, "
                + "updated_at = :now, title = if_not_exists(title, :title), category = if_not_exists(category, :category), "
                + "access_level = if_not_exists(access_level, :public), created_at = if_not_exists(created_at, :now), "
                + "viewer_count = if_not_exists(viewer_count, :zero), like_count = if_not_exists(like_count, :zero), "
                + "version = if_not_exists(version, :one), featured = if_not_exists(featured, :f), "
                + "mature = if_not_exists(mature, :f), removed = if_not_exists(removed, :f), tags = if_not_exists(tags, :empty)";
        if (details.description() != null) {
            values.put(":description", s(details.description()));
            expression += ", description = if_not_exists(description, :description)";
        }
        if (event.creatorId() != null) {
            values.put(":creator", s(event.creatorId()));
            expression += ", creator_id = if_not_exists(creator_id, :creator)";
        }
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(table).key(key(event.streamId()));
        if (event.organizationId() != null) {
            // an entry another organization prepared (or streamed) is not taken over by naming its id
            values.put(":org", s(event.organizationId()));
            expression += ", organization_id = :org";
            request.conditionExpression("attribute_not_exists(organization_id) OR organization_id = :org");
        }
        try {
            update(request.updateExpression(expression + " REMOVE ended_at").expressionAttributeValues(values).build());
        } catch (ConditionalCheckFailedException otherOrganizations) {
            throw new ConflictException("The stream id " + event.streamId() + " is another organization's catalog entry.");
        }
    }

    /** A session ended; false when the entry is unknown. */
    @Override
    public boolean markEnded(String streamId, String endedAt) {
        try {
            update(b -> b.tableName(table).key(key(streamId))
                    .updateExpression("SET is_live = :f, ended_at = :e, viewer_count = :zero, updated_at = :e")
                    .conditionExpression("attribute_exists(stream_id)")
                    .expressionAttributeValues(Map.of(":f", bool(false), ":e", s(endedAt), ":zero", n(0))));
            return true;
        } catch (ConditionalCheckFailedException missing) {
            return false;
        }
    }

    /** Whether any entry names this creator (through {@code creator_id-index}). */
    @Override
    public boolean hasCreator(String creatorId) {
        return dynamo.query(b -> b.tableName(table).indexName("creator_id-index")
                .keyConditionExpression("creator_id = :c").expressionAttributeValues(Map.of(":c", s(creatorId)))
                .limit(1)).count() > 0;
    }

    @Override
    public void setViewerCount(String streamId, long count) {
        conditionalSet(streamId, "viewer_count = :v", Map.of(":v", n(count)));
    }

    @Override
    public void addLikes(String streamId, long delta) {
        try {
            update(b -> b.tableName(table).key(key(streamId))
                    .updateExpression("ADD like_count :d").conditionExpression("attribute_exists(stream_id)")
                    .expressionAttributeValues(Map.of(":d", n(delta))));
        } catch (ConditionalCheckFailedException deleted) {
            // the entry went away meanwhile: nothing to count
        }
    }

    @Override
    public void setFeatured(String streamId, boolean featured) {
        conditionalSet(streamId, "featured = :v", Map.of(":v", bool(featured)));
    }

    @Override
    public void setRemoved(String streamId, boolean removed) {
        conditionalSet(streamId, "removed = :v", Map.of(":v", bool(removed)));
    }

    @Override
    public void setCategory(String streamId, String category) {
        conditionalSet(streamId, "category = :v", Map.of(":v", s(category)));
    }

    @Override
    public void delete(String streamId) {
        delete(b -> b.tableName(table).key(key(streamId)));
    }

    private void conditionalSet(String streamId, String assignment, Map<String, AttributeValue> values) {
        try {
            update(b -> b.tableName(table).key(key(streamId)).updateExpression("SET " + assignment)
                    .conditionExpression("attribute_exists(stream_id)").expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException missing) {
            // entry deleted concurrently: nothing to update
        }
    }

    private static Map<String, AttributeValue> editorial(CatalogEntry e) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":title", s(e.title()));
        putIfPresent(values, ":description", e.description());
        putIfPresent(values, ":creator_id", e.creatorId());
        values.put(":category", s(e.category()));
        values.put(":tags", list(e.tags()));
        putIfPresent(values, ":thumbnail_url", e.thumbnailUrl());
        values.put(":access_level", s(e.accessLevel()));
        putIfPresent(values, ":scheduled_start", e.scheduledStart());
        values.put(":mature", bool(e.mature()));
        values.put(":featured", bool(e.featured()));
        values.put(":updated_at", s(e.updatedAt()));
        return values;
    }

    private static Map<String, AttributeValue> key(String streamId) {
        return Map.of("stream_id", s(streamId));
    }

    private static CatalogEntry fromItem(Map<String, AttributeValue> i) {
        return new CatalogEntry(str(i, "stream_id"), str(i, "title"), str(i, "description"), str(i, "creator_id"),
                str(i, "organization_id"), str(i, "category"), strings(i, "tags"), str(i, "thumbnail_url"),
                str(i, "hls_url"), str(i, "access_level"), num(i, "viewer_count"), num(i, "like_count"),
                str(i, "created_at"), str(i, "updated_at"), flag(i, "is_live"), str(i, "scheduled_start"),
                str(i, "started_at"), str(i, "ended_at"), str(i, "session_id"), flag(i, "featured"), flag(i, "mature"),
                flag(i, "removed"), num(i, "version"));
    }

    // every write goes through these: the count moves after the write, so a listing read while it ran is not kept
    private void put(PutItemRequest request) {
        try {
            dynamo.putItem(request);
        } finally {
            writes.incrementAndGet();
        }
    }

    private void update(UpdateItemRequest request) {
        try {
            dynamo.updateItem(request);
        } finally {
            writes.incrementAndGet();
        }
    }

    private void update(Consumer<UpdateItemRequest.Builder> request) {
        update(UpdateItemRequest.builder().applyMutation(request).build());
    }

    private void delete(Consumer<DeleteItemRequest.Builder> request) {
        try {
            dynamo.deleteItem(request);
        } finally {
            writes.incrementAndGet();
        }
    }
}
