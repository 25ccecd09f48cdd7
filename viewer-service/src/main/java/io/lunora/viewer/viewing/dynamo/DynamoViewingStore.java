package io.lunora.viewer.viewing.dynamo;

import static io.lunora.viewer.dynamo.Attrs.n;
import static io.lunora.viewer.dynamo.Attrs.num;
import static io.lunora.viewer.dynamo.Attrs.putIfPresent;
import static io.lunora.viewer.dynamo.Attrs.s;
import static io.lunora.viewer.dynamo.Attrs.str;

import io.lunora.viewer.dynamo.ViewerTables;
import io.lunora.viewer.viewing.HistoryItem;
import io.lunora.viewer.viewing.ViewingSession;
import io.lunora.viewer.viewing.ViewingStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * {@link ViewingStore} on DynamoDB (ViewingHistory). The table also holds a viewer's chat messages and comments
 * ({@code item_type}), so every query here filters on {@code item_type = viewing}.
 */
@Component
class DynamoViewingStore implements ViewingStore {
    static final String TYPE = HistoryItem.VIEWING;

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoViewingStore(DynamoDbClient dynamo, ViewerTables tables) {
        this.dynamo = dynamo;
        this.table = tables.history();
    }

    @Override
    public void start(ViewingSession v) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("viewer_id", s(v.viewerId()));
        item.put("timestamp", s(v.viewingSessionId()));
        item.put("item_type", s(TYPE));
        item.put("stream_id", s(v.streamId()));
        putIfPresent(item, "category", v.category());
        item.put("started_at", s(v.startedAt()));
        item.put("last_seen", s(v.lastSeen()));
        item.put("duration_watched", n(0));
        item.put("quality_level", s(v.qualityLevel()));
        item.put("device_type", s(v.deviceType()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<ViewingSession> find(String viewerId, String viewingSessionId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(viewerId, viewingSessionId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() || !TYPE.equals(str(item, "item_type"))
                ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void progress(String viewerId, String viewingSessionId, long duration, String quality, String now) {
        dynamo.updateItem(b -> b.tableName(table).key(key(viewerId, viewingSessionId))
                .updateExpression("SET duration_watched = :d, quality_level = :q, last_seen = :now")
                .expressionAttributeValues(Map.of(":d", n(duration), ":q", s(quality), ":now", s(now))));
    }

    @Override
    public void end(String viewerId, String viewingSessionId, long duration, String exitReason, long score, String now) {
        dynamo.updateItem(b -> b.tableName(table).key(key(viewerId, viewingSessionId))
                .updateExpression("SET duration_watched = :d, exit_reason = :r, engagement_score = :e, ended_at = :now, last_seen = :now")
                .expressionAttributeValues(Map.of(":d", n(duration), ":r", s(exitReason), ":e", n(score), ":now", s(now))));
    }

    @Override
    public void delete(String viewerId, String sortKey) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(viewerId, sortKey)));
    }

    /** A viewer's sessions started at or after {@code since}, newest first. */
    @Override
    public List<ViewingSession> history(String viewerId, String since, int limit) {
        List<ViewingSession> result = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("viewer_id = :v AND #ts >= :since")
                .filterExpression("item_type = :type")
                .expressionAttributeNames(Map.of("#ts", "timestamp"))
                .expressionAttributeValues(Map.of(":v", s(viewerId), ":since", s(since), ":type", s(TYPE)))
                .scanIndexForward(false).build()).items()) {
            result.add(fromItem(item));
            if (result.size() == limit) {
                break;
            }
        }
        return result;
    }

    /** Sessions of a stream that have not ended and reported progress since {@code seenSince}. */
    @Override
    public int countActive(String streamId, String startedSince, String seenSince) {
        int count = 0;
        for (var page : dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(ViewerTables.STREAM_INDEX)
                .keyConditionExpression("stream_id = :s AND #ts >= :since")
                .filterExpression("item_type = :type AND attribute_not_exists(ended_at) AND last_seen >= :seen")
                .expressionAttributeNames(Map.of("#ts", "timestamp"))
                .expressionAttributeValues(Map.of(":s", s(streamId), ":since", s(startedSince), ":type", s(TYPE),
                        ":seen", s(seenSince)))
                .select(Select.COUNT).build())) {
            count += page.count();
        }
        return count;
    }

    /** Sessions of a stream started since {@code since}: its recent audience, for trending. */
    @Override
    public int countStarted(String streamId, String since) {
        int count = 0;
        for (var page : dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(ViewerTables.STREAM_INDEX)
                .keyConditionExpression("stream_id = :s AND #ts >= :since")
                .filterExpression("item_type = :type")
                .expressionAttributeNames(Map.of("#ts", "timestamp"))
                .expressionAttributeValues(Map.of(":s", s(streamId), ":since", s(since), ":type", s(TYPE)))
                .select(Select.COUNT).build())) {
            count += page.count();
        }
        return count;
    }

    /** Every item of a viewer in this table (viewing sessions, chat messages, comments). */
    @Override
    public List<HistoryItem> allItemsOf(String viewerId) {
        List<HistoryItem> result = new ArrayList<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table).keyConditionExpression("viewer_id = :v")
                .expressionAttributeValues(Map.of(":v", s(viewerId))).build()).items()
                .forEach(item -> result.add(new HistoryItem(str(item, "timestamp"), str(item, "item_type"), plain(item))));
        return result;
    }

    private static Map<String, String> plain(Map<String, AttributeValue> item) {
        Map<String, String> plain = new LinkedHashMap<>();
        item.forEach((k, v) -> plain.put(k, v.s() != null ? v.s() : v.n() != null ? v.n() : String.valueOf(v.bool())));
        return plain;
    }

    private static Map<String, AttributeValue> key(String viewerId, String sortKey) {
        return Map.of("viewer_id", s(viewerId), "timestamp", s(sortKey));
    }

    private static ViewingSession fromItem(Map<String, AttributeValue> i) {
        return new ViewingSession(str(i, "viewer_id"), str(i, "timestamp"), str(i, "stream_id"), str(i, "category"),
                str(i, "started_at"), str(i, "last_seen"), str(i, "ended_at"), num(i, "duration_watched"),
                str(i, "quality_level"), str(i, "device_type"), str(i, "exit_reason"), num(i, "engagement_score"));
    }
}
