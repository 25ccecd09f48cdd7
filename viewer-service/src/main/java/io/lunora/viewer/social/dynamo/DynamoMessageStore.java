package io.lunora.viewer.social.dynamo;

import static io.lunora.viewer.dynamo.Attrs.s;
import static io.lunora.viewer.dynamo.Attrs.str;

import io.lunora.support.problem.StorageUnavailableException;
import io.lunora.viewer.Timestamps;
import io.lunora.viewer.dynamo.ViewerTables;
import io.lunora.viewer.social.Message;
import io.lunora.viewer.social.MessageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Chat messages and comments in ViewingHistory: keyed by author and time (so account deletion finds
 * them), listed per stream and time through {@code stream_id-index}.
 */
@Component
class DynamoMessageStore implements MessageStore {
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoMessageStore(DynamoDbClient dynamo, ViewerTables tables) {
        this.dynamo = dynamo;
        this.table = tables.history();
    }

    @Override
    public Message post(String streamId, String authorId, String authorName, String kind, String text, Instant at) {
        String sortKey = Timestamps.sortable(at) + "#" + kind.charAt(0) + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        dynamo.putItem(b -> b.tableName(table).item(Map.of("viewer_id", s(authorId), "timestamp", s(sortKey),
                "item_type", s(kind), "stream_id", s(streamId), "text", s(text), "author_name", s(authorName),
                "sent_at", s(at.toString()))));
        return new Message(authorId + "~" + sortKey, streamId, authorId, authorName, kind, text, at.toString());
    }

    @Override
    public Optional<Message> find(String messageId) {
        int split = messageId.lastIndexOf('~');
        if (split <= 0) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(Map.of(
                "viewer_id", s(messageId.substring(0, split)), "timestamp", s(messageId.substring(split + 1))))).item();
        if (item == null || item.isEmpty() || !("chat".equals(str(item, "item_type")) || "comment".equals(str(item, "item_type")))) {
            return Optional.empty();
        }
        return Optional.of(fromItem(item));
    }

    /** The newest messages of one kind on a stream, newest first, skipping authors in {@code hidden}. */
    @Override
    public List<Message> latest(String streamId, String kind, int limit, Set<String> hidden) {
        List<Message> result = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                .indexName(ViewerTables.STREAM_INDEX).keyConditionExpression("stream_id = :s")
                .filterExpression("item_type = :k").expressionAttributeValues(Map.of(":s", s(streamId), ":k", s(kind)))
                .scanIndexForward(false).build()).items()) {
            Message m = fromItem(item);
            if (!hidden.contains(m.authorId())) {
                result.add(m);
            }
            if (result.size() == limit) {
                break;
            }
        }
        return result;
    }

    /** Messages of one kind on a stream sent after {@code after}, oldest first (at most {@code limit}). */
    @Override
    public List<Message> after(String streamId, String kind, Instant after, int limit) {
        List<Message> result = new ArrayList<>();
        try {
            for (Map<String, AttributeValue> item : dynamo.queryPaginator(QueryRequest.builder().tableName(table)
                    .indexName(ViewerTables.STREAM_INDEX).keyConditionExpression("stream_id = :s AND #t > :after")
                    .filterExpression("item_type = :k").expressionAttributeNames(Map.of("#t", "timestamp"))
                    .expressionAttributeValues(Map.of(":s", s(streamId), ":k", s(kind), ":after", s(Timestamps.sortable(after))))
                    .build()).items()) {
                result.add(fromItem(item));
                if (result.size() == limit) {
                    break;
                }
            }
        } catch (SdkException unavailable) {
            throw new StorageUnavailableException(unavailable);
        }
        return result;
    }

    @Override
    public void delete(String messageId) {
        int split = messageId.lastIndexOf('~');
        dynamo.deleteItem(b -> b.tableName(table).key(Map.of(
                "viewer_id", s(messageId.substring(0, split)), "timestamp", s(messageId.substring(split + 1)))));
    }

    private static Message fromItem(Map<String, AttributeValue> i) {
        return new Message(str(i, "viewer_id") + "~" + str(i, "timestamp"), str(i, "stream_id"), str(i, "viewer_id"),
                str(i, "author_name"), str(i, "item_type"), str(i, "text"), str(i, "sent_at"));
    }
}
