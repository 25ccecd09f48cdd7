package io.lunora.streaming.alerts.dynamo;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Storage shape of the Alerts table. An alert is {@code a#{alert id}} (ids sort by the time the
 * alert was raised); an unresolved alert also has a marker {@code open#{kind}#{source}} whose
 * {@code alert_id} names it, so a repeat finds it with one strongly consistent read.
 */
@DynamoDbBean
public class AlertItem {
    private String organizationId;
    private String alertKey;
    private String alertId;
    private String kind;
    private String severity;
    private String source;
    private String ownerId;
    private Boolean organizationWide;
    private String message;
    private String state;
    private String firstSeen;
    private String lastSeen;
    private Long count;
    private String acknowledgedBy;
    private String acknowledgedAt;
    private String resolvedAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("organization_id")
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String v) { organizationId = v; }

    @DynamoDbSortKey
    @DynamoDbAttribute("alert_key")
    public String getAlertKey() { return alertKey; }
    public void setAlertKey(String v) { alertKey = v; }

    @DynamoDbAttribute("alert_id")
    public String getAlertId() { return alertId; }
    public void setAlertId(String v) { alertId = v; }

    @DynamoDbAttribute("kind")
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }

    @DynamoDbAttribute("severity")
    public String getSeverity() { return severity; }
    public void setSeverity(String v) { severity = v; }

    @DynamoDbAttribute("source")
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }

    @DynamoDbAttribute("owner_id")
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String v) { ownerId = v; }

    @DynamoDbAttribute("organization_wide")
    public Boolean getOrganizationWide() { return organizationWide; }
    public void setOrganizationWide(Boolean v) { organizationWide = v; }

    @DynamoDbAttribute("message")
    public String getMessage() { return message; }
    public void setMessage(String v) { message = v; }

    @DynamoDbAttribute("state")
    public String getState() { return state; }
    public void setState(String v) { state = v; }

    @DynamoDbAttribute("first_seen")
    public String getFirstSeen() { return firstSeen; }
    public void setFirstSeen(String v) { firstSeen = v; }

    @DynamoDbAttribute("last_seen")
    public String getLastSeen() { return lastSeen; }
    public void setLastSeen(String v) { lastSeen = v; }

    @DynamoDbAttribute("count")
    public Long getCount() { return count; }
    public void setCount(Long v) { count = v; }

    @DynamoDbAttribute("acknowledged_by")
    public String getAcknowledgedBy() { return acknowledgedBy; }
    public void setAcknowledgedBy(String v) { acknowledgedBy = v; }

    @DynamoDbAttribute("acknowledged_at")
    public String getAcknowledgedAt() { return acknowledgedAt; }
    public void setAcknowledgedAt(String v) { acknowledgedAt = v; }

    @DynamoDbAttribute("resolved_at")
    public String getResolvedAt() { return resolvedAt; }
    public void setResolvedAt(String v) { resolvedAt = v; }
}
