package io.lunora.viewer.analytics.dynamo;

import static io.lunora.viewer.dynamo.Attrs.map;
import static io.lunora.viewer.dynamo.Attrs.n;
import static io.lunora.viewer.dynamo.Attrs.nested;
import static io.lunora.viewer.dynamo.Attrs.num;
import static io.lunora.viewer.dynamo.Attrs.s;
import static io.lunora.viewer.dynamo.Attrs.str;

import io.lunora.viewer.analytics.AnalyticsStore;
import io.lunora.viewer.analytics.DailyActivity;
import io.lunora.viewer.dynamo.ViewerTables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * ViewerAnalytics in DynamoDB: one item per viewer and UTC day, counters added atomically
 * ({@code ADD}), so concurrent sessions of one viewer never lose an update.
 */
@Component
class DynamoAnalyticsStore implements AnalyticsStore {
    private static final Map<String, AttributeValue> EMPTY_MAPS = Map.of(":empty", map(Map.of()));

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoAnalyticsStore(DynamoDbClient dynamo, ViewerTables tables) {
        this.dynamo = dynamo;
        this.table = tables.analytics();
    }

    @Override
    public void recordWatch(String viewerId, Instant at, long seconds, String category, String device, String streamId) {
        Map<String, AttributeValue> key = key(viewerId, date(at));
        ensureMaps(key);
        int hour = at.atZone(ZoneOffset.UTC).getHour();
        dynamo.updateItem(b -> b.tableName(table).key(key)
                .updateExpression("ADD total_watch_time :s, streams_watched :one, category_watch.#c :s, "
                        + "hour_watch.#h :s, device_usage.#d :s")
                .expressionAttributeNames(Map.of("#c", category == null ? "general" : category,
                        "#h", Integer.toString(hour), "#d", device == null ? "other" : device))
                .expressionAttributeValues(Map.of(":s", n(seconds), ":one", n(1))));
    }

    @Override
    public void recordEngagement(String viewerId, Instant at, String event) {
        Map<String, AttributeValue> key = key(viewerId, date(at));
        ensureMaps(key);
        dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("ADD engagement_metrics.#e :one")
                .expressionAttributeNames(Map.of("#e", event)).expressionAttributeValues(Map.of(":one", n(1))));
    }

    /** A viewer's days from {@code from} on, oldest first. */
    @Override
    public List<DailyActivity> days(String viewerId, LocalDate from) {
        List<DailyActivity> days = new ArrayList<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .keyConditionExpression("viewer_id = :v AND #date >= :from")
                .expressionAttributeNames(Map.of("#date", "date"))
                .expressionAttributeValues(Map.of(":v", s(viewerId), ":from", s(from.toString()))).build())
                .items().forEach(i -> days.add(fromItem(i)));
        return days;
    }

    /** Every viewer's activity on one day (platform totals). */
    @Override
    public List<DailyActivity> onDate(LocalDate date) {
        List<DailyActivity> days = new ArrayList<>();
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).filterExpression("#date = :d")
                .expressionAttributeNames(Map.of("#date", "date"))
                .expressionAttributeValues(Map.of(":d", s(date.toString()))).build())
                .items().forEach(i -> days.add(fromItem(i)));
        return days;
    }

    @Override
    public void deleteAll(String viewerId) {
        days(viewerId, LocalDate.EPOCH).forEach(d -> dynamo.deleteItem(b -> b.tableName(table).key(key(viewerId, d.date()))));
    }

    /** Nested ADD needs its map to exist; SET with if_not_exists creates them once, without touching existing ones. */
    private void ensureMaps(Map<String, AttributeValue> key) {
        dynamo.updateItem(b -> b.tableName(table).key(key)
                .updateExpression("SET category_watch = if_not_exists(category_watch, :empty), "
                        + "hour_watch = if_not_exists(hour_watch, :empty), device_usage = if_not_exists(device_usage, :empty), "
                        + "engagement_metrics = if_not_exists(engagement_metrics, :empty)")
                .expressionAttributeValues(EMPTY_MAPS));
    }

    private static String date(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static Map<String, AttributeValue> key(String viewerId, String date) {
        return Map.of("viewer_id", s(viewerId), "date", s(date));
    }

    private static Map<String, Long> counters(Map<String, AttributeValue> item, String name) {
        Map<String, Long> result = new TreeMap<>();
        nested(item, name).forEach((k, v) -> result.put(k, Long.parseLong(v.n())));
        return result;
    }

    private static DailyActivity fromItem(Map<String, AttributeValue> i) {
        return new DailyActivity(str(i, "viewer_id"), str(i, "date"), num(i, "total_watch_time"), num(i, "streams_watched"),
                counters(i, "category_watch"), counters(i, "hour_watch"), counters(i, "device_usage"),
                counters(i, "engagement_metrics"));
    }
}
