package io.lunora.streaming.sessions.dynamo;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Storage shape of one input switch in StreamSessionEvents: a session's switches share its
 * partition, sorted by {@code event_key} ({@code time#sequence}); {@code organization_id} scopes reads.
 */
@DynamoDbBean
public class SwitchEventItem {
    private String sessionId;
    private String eventKey;
    private String organizationId;
    private Long sequence;
    private String time;
    private String fromInput;
    private String toInput;
    private String reason;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("session_id")
    public String getSessionId() { return sessionId; }
    public void setSessionId(String v) { sessionId = v; }

    @DynamoDbSortKey
    @DynamoDbAttribute("event_key")
    public String getEventKey() { return eventKey; }
    public void setEventKey(String v) { eventKey = v; }

    @DynamoDbAttribute("organization_id")
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String v) { organizationId = v; }

    @DynamoDbAttribute("sequence")
    public Long getSequence() { return sequence; }
    public void setSequence(Long v) { sequence = v; }

    @DynamoDbAttribute("time")
    public String getTime() { return time; }
    public void setTime(String v) { time = v; }

    @DynamoDbAttribute("from_input")
    public String getFromInput() { return fromInput; }
    public void setFromInput(String v) { fromInput = v; }

    @DynamoDbAttribute("to_input")
    public String getToInput() { return toInput; }
    public void setToInput(String v) { toInput = v; }

    @DynamoDbAttribute("reason")
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
