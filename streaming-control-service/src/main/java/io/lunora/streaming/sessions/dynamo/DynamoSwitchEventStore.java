package io.lunora.streaming.sessions.dynamo;

import io.lunora.streaming.sessions.StreamSession.FailoverEvent;
import io.lunora.streaming.sessions.SwitchEventStore;
import io.lunora.support.dynamo.TableNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The StreamSessionEvents table: one item per switch, one partition per session. The cursor of a
 * page is the last returned item's sort key, base64url-encoded.
 */
@Component
class DynamoSwitchEventStore implements SwitchEventStore {
    /** Fixed width, so that keys sort as times do (Instant.toString drops zero fractions). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern EVENT_KEY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z#\\d{10}");

    private final DynamoDbTable<SwitchEventItem> table;

    DynamoSwitchEventStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("StreamSessionEvents"), TableSchema.fromBean(SwitchEventItem.class));
    }

    @Override
    public void append(String organizationId, String sessionId, long sequence, FailoverEvent event) {
        SwitchEventItem item = new SwitchEventItem();
        item.setSessionId(sessionId);
        item.setEventKey(TIME.format(event.time()) + "#" + String.format("%010d", sequence));
        item.setOrganizationId(organizationId);
        item.setSequence(sequence);
        item.setTime(event.time().toString());
        item.setFromInput(event.from());
        item.setToInput(event.to());
        item.setReason(event.reason());
        table.putItem(item);
    }

    @Override
    public Page page(String organizationId, String sessionId, int limit, String cursor) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(sessionId)))
                .filterExpression(Expression.builder().expression("organization_id = :org")
                        .putExpressionValue(":org", AttributeValue.fromS(organizationId)).build())
                .limit(limit + 1);
        if (cursor != null) {
            query.exclusiveStartKey(Map.of("session_id", AttributeValue.fromS(sessionId),
                    "event_key", AttributeValue.fromS(eventKeyOf(cursor))));
        }
        // one more than asked tells whether a next page exists, so the last page is never an empty one
        List<SwitchEventItem> items = table.query(query.build()).items().stream().limit(limit + 1).toList();
        List<SwitchEventItem> page = items.subList(0, Math.min(limit, items.size()));
        String next = items.size() > limit ? cursorOf(page.getLast().getEventKey()) : null;
        return new Page(page.stream().map(DynamoSwitchEventStore::toDomain).toList(), next);
    }

    private static FailoverEvent toDomain(SwitchEventItem i) {
        return new FailoverEvent(Instant.parse(i.getTime()), i.getFromInput(), i.getToInput(), i.getReason());
    }

    private static String cursorOf(String eventKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(eventKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String eventKeyOf(String cursor) {
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursorException();
        }
        if (!EVENT_KEY.matcher(key).matches()) {
            throw new InvalidCursorException();
        }
        return key;
    }
}
