package io.lunora.auth.sessions.dynamo;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** The UserSessions table item; only {@link DynamoUserSessionStore} sees it. */
@DynamoDbBean
public class UserSessionItem {
    private String userId;
    private String sessionId;
    private Instant startedAt;
    private Instant lastActiveAt;
    private Instant endsAt;
    private Long idleSeconds;
    private Instant endedAt;
    private Long expiresAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("user_id")
    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute("session_id")
    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    @DynamoDbAttribute("started_at")
    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    @DynamoDbAttribute("last_active_at")
    public Instant getLastActiveAt() {
        return lastActiveAt;
    }

    public void setLastActiveAt(Instant lastActiveAt) {
        this.lastActiveAt = lastActiveAt;
    }

    @DynamoDbAttribute("ends_at")
    public Instant getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(Instant endsAt) {
        this.endsAt = endsAt;
    }

    @DynamoDbAttribute("idle_seconds")
    public Long getIdleSeconds() {
        return idleSeconds;
    }

    public void setIdleSeconds(Long idleSeconds) {
        this.idleSeconds = idleSeconds;
    }

    @DynamoDbAttribute("ended_at")
    public Instant getEndedAt() {
        return endedAt;
    }

    public void setEndedAt(Instant endedAt) {
        this.endedAt = endedAt;
    }

    /** Epoch seconds for DynamoDB's TTL: past it no access token of the session can be valid. */
    @DynamoDbAttribute("expires_at")
    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
