package io.lunora.auth.sessions.dynamo;

import io.lunora.auth.sessions.UserSession;
import io.lunora.auth.sessions.UserSessionStore;
import io.lunora.support.dynamo.TableNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The {@code UserSessions} table: a partition per user, an item per session. An item expires
 * (TTL, and filtered on read where TTL deletes late) once no access token of its session can be
 * valid any more: the session's absolute end plus the access tokens' lifetime.
 */
@Component
class DynamoUserSessionStore implements UserSessionStore {
    /** The access tokens' lifetime (io.lunora.auth.issuer.Clients) with a margin. */
    private static final Duration TOKENS_OUTLIVE_SESSION = Duration.ofMinutes(20);

    private final DynamoDbTable<UserSessionItem> table;
    private final Clock clock;

    DynamoUserSessionStore(DynamoDbEnhancedClient client, TableNames names, Clock clock) {
        this.table = client.table(names.of("UserSessions"), TableSchema.fromBean(UserSessionItem.class));
        this.clock = clock;
    }

    @Override
    public void create(UserSession session) {
        UserSessionItem item = new UserSessionItem();
        item.setUserId(session.userId());
        item.setSessionId(session.sessionId());
        item.setStartedAt(session.startedAt());
        item.setLastActiveAt(session.lastActiveAt());
        item.setEndsAt(session.endsAt());
        item.setIdleSeconds(session.idle().toSeconds());
        item.setEndedAt(session.endedAt());
        item.setExpiresAt(session.endsAt().plus(TOKENS_OUTLIVE_SESSION).getEpochSecond());
        table.putItem(item);
    }

    @Override
    public Optional<UserSession> find(String userId, String sessionId) {
        UserSessionItem item = table.getItem(r -> r.key(key(userId, sessionId)).consistentRead(true));
        return Optional.ofNullable(item).filter(this::unexpired).map(DynamoUserSessionStore::toSession);
    }

    @Override
    public List<UserSession> ofUser(String userId) {
        return table.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build()))
                        .consistentRead(true).build())
                .items().stream().filter(this::unexpired).map(DynamoUserSessionStore::toSession).toList();
    }

    @Override
    public void markActive(String userId, String sessionId, Instant at) {
        UserSessionItem change = keyItem(userId, sessionId);
        change.setLastActiveAt(at);
        update(change);
    }

    @Override
    public void markEnded(String userId, String sessionId, Instant at) {
        UserSessionItem change = keyItem(userId, sessionId);
        change.setEndedAt(at);
        update(change);
    }

    /** Writes the change's non-null attributes only, to an item that exists. */
    private void update(UserSessionItem change) {
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(UserSessionItem.class).item(change)
                    .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                    .conditionExpression(Expression.builder().expression("attribute_exists(session_id)").build())
                    .build());
        } catch (ConditionalCheckFailedException gone) {
            // expired meanwhile: nothing to record
        }
    }

    private boolean unexpired(UserSessionItem item) {
        return item.getExpiresAt() == null || item.getExpiresAt() > clock.instant().getEpochSecond();
    }

    private static UserSessionItem keyItem(String userId, String sessionId) {
        UserSessionItem item = new UserSessionItem();
        item.setUserId(userId);
        item.setSessionId(sessionId);
        return item;
    }

    private static Key key(String userId, String sessionId) {
        return Key.builder().partitionValue(userId).sortValue(sessionId).build();
    }

    private static UserSession toSession(UserSessionItem i) {
        return new UserSession(i.getUserId(), i.getSessionId(), i.getStartedAt(), i.getLastActiveAt(), i.getEndsAt(),
                Duration.ofSeconds(i.getIdleSeconds()), i.getEndedAt());
    }
}
