package io.lunora.streaming.sessions.dynamo;

import io.lunora.streaming.sessions.ConcurrentChangeException;
import io.lunora.streaming.sessions.SessionStatus;
import io.lunora.streaming.sessions.SessionStore;
import io.lunora.streaming.sessions.StreamSession;
import io.lunora.support.dynamo.TableNames;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The StreamSessions table. An organization's open session is guarded by a marker item
 * ({@code session_id = open}) written in the same transaction as the session, conditional on no
 * marker existing: of two concurrent starts exactly one wins. Saves are conditional on the
 * session's version; a lost condition is the domain's {@link ConcurrentChangeException}.
 */
@Component
class DynamoSessionStore implements SessionStore {
    static final String OPEN_MARKER = "open";
    private static final String SESSION_PREFIX = "s-";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<SessionItem> table;
    private final Clock clock;

    DynamoSessionStore(DynamoDbEnhancedClient client, TableNames names, Clock clock) {
        this.client = client;
        this.table = client.table(names.of("StreamSessions"), TableSchema.fromBean(SessionItem.class));
        this.clock = clock;
    }

    @Override
    public StreamSession open(StreamSession session) {
        SessionItem marker = new SessionItem();
        marker.setOrganizationId(session.organizationId());
        marker.setSessionId(OPEN_MARKER);
        marker.setOpenSessionId(session.sessionId());
        SessionItem item = SessionItemMapper.toItem(session, clock.instant());
        try {
            client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(table, newItem(marker))
                    .addPutItem(table, newItem(item))
                    .build());
        } catch (TransactionCanceledException lost) {
            throw new AlreadyOpenException(findOpen(session.organizationId()).map(StreamSession::sessionId).orElse(null));
        }
        return find(session.organizationId(), session.sessionId()).orElseThrow();
    }

    private static TransactPutItemEnhancedRequest<SessionItem> newItem(SessionItem item) {
        return TransactPutItemEnhancedRequest.builder(SessionItem.class).item(item)
                .conditionExpression(Expression.builder().expression("attribute_not_exists(session_id)").build())
                .build();
    }

    @Override
    public StreamSession save(StreamSession session) {
        try {
            return SessionItemMapper.toDomain(table.updateItem(r -> r
                    .item(SessionItemMapper.toItem(session, clock.instant())).ignoreNulls(false)));
        } catch (ConditionalCheckFailedException stale) {
            throw new ConcurrentChangeException(session.sessionId());
        }
    }

    @Override
    public void close(StreamSession session) {
        try {
            table.deleteItem(r -> r.key(key(session.organizationId(), OPEN_MARKER))
                    .conditionExpression(Expression.builder().expression("open_session_id = :id")
                            .putExpressionValue(":id", AttributeValue.fromS(session.sessionId())).build()));
        } catch (ConditionalCheckFailedException notItsMarker) {
            throw new ConcurrentChangeException(session.sessionId());
        }
    }

    @Override
    public Optional<StreamSession> find(String organizationId, String sessionId) {
        if (!sessionId.startsWith(SESSION_PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(table.getItem(key(organizationId, sessionId))).map(SessionItemMapper::toDomain);
    }

    @Override
    public Optional<StreamSession> findOpen(String organizationId) {
        SessionItem marker = table.getItem(key(organizationId, OPEN_MARKER));
        return marker == null ? Optional.empty() : find(organizationId, marker.getOpenSessionId());
    }

    @Override
    public List<StreamSession> findAllOpen() {
        List<StreamSession> open = new ArrayList<>();
        for (SessionStatus status : SessionStatus.values()) {
            if (!status.isOpen()) {
                continue;
            }
            table.index("session_status-index")
                    .query(r -> r.queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(status.value()))))
                    .forEach(page -> page.items().forEach(i -> open.add(SessionItemMapper.toDomain(i))));
        }
        open.sort(Comparator.comparing(StreamSession::startTime));
        return open;
    }

    @Override
    public List<StreamSession> history(String organizationId, int limit) {
        List<StreamSession> sessions = new ArrayList<>();
        table.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(
                        k -> k.partitionValue(organizationId).sortValue(SESSION_PREFIX)))
                .scanIndexForward(false).limit(limit))
                .stream().limit(1).forEach(page -> page.items().forEach(i -> sessions.add(SessionItemMapper.toDomain(i))));
        return sessions;
    }

    /**
     * Session ids begin with their start time ({@code s-20261203T043917…Z-…}), so a range of days is
     * a range of the sort key: from {@code s-<from>} to {@code s-<day after to>}, which sorts before
     * every id of that day.
     */
    @Override
    public List<StreamSession> startedBetween(String organizationId, LocalDate from, LocalDate to, int limit) {
        List<StreamSession> sessions = new ArrayList<>();
        table.query(r -> r.queryConditional(QueryConditional.sortBetween(
                        k -> k.partitionValue(organizationId).sortValue(SESSION_PREFIX + DAY.format(from)),
                        k -> k.partitionValue(organizationId).sortValue(SESSION_PREFIX + DAY.format(to.plusDays(1)))))
                .scanIndexForward(false))
                .items().stream().limit(limit).forEach(i -> sessions.add(SessionItemMapper.toDomain(i)));
        return sessions;
    }

    private static Key key(String organizationId, String sessionId) {
        return Key.builder().partitionValue(organizationId).sortValue(sessionId).build();
    }
}
