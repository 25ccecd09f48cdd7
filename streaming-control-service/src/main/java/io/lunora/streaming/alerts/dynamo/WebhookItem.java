package io.lunora.streaming.alerts.dynamo;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Storage shape of the AlertWebhooks table: a webhook is {@code w#{id}} (url, who made it, when); one
 * attempt of its delivery log is {@code d#{id}#{time}#{unique}}, which expires ({@code expires_at}, TTL).
 */
@DynamoDbBean
public class WebhookItem {
    private String organizationId;
    private String itemKey;
    private String webhookId;
    private String url;
    private String createdBy;
    private String createdAt;
    private String alertId;
    private String alertState;
    private Integer attempt;
    private String outcome;
    private Integer httpStatus;
    private String error;
    private String time;
    private Long expiresAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("organization_id")
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String v) { organizationId = v; }

    @DynamoDbSortKey
    @DynamoDbAttribute("item_key")
    public String getItemKey() { return itemKey; }
    public void setItemKey(String v) { itemKey = v; }

    @DynamoDbAttribute("webhook_id")
    public String getWebhookId() { return webhookId; }
    public void setWebhookId(String v) { webhookId = v; }

    @DynamoDbAttribute("url")
    public String getUrl() { return url; }
    public void setUrl(String v) { url = v; }

    @DynamoDbAttribute("created_by")
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { createdBy = v; }

    @DynamoDbAttribute("created_at")
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String v) { createdAt = v; }

    @DynamoDbAttribute("alert_id")
    public String getAlertId() { return alertId; }
    public void setAlertId(String v) { alertId = v; }

    @DynamoDbAttribute("alert_state")
    public String getAlertState() { return alertState; }
    public void setAlertState(String v) { alertState = v; }

    @DynamoDbAttribute("attempt")
    public Integer getAttempt() { return attempt; }
    public void setAttempt(Integer v) { attempt = v; }

    @DynamoDbAttribute("outcome")
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }

    @DynamoDbAttribute("http_status")
    public Integer getHttpStatus() { return httpStatus; }
    public void setHttpStatus(Integer v) { httpStatus = v; }

    @DynamoDbAttribute("error")
    public String getError() { return error; }
    public void setError(String v) { error = v; }

    @DynamoDbAttribute("time")
    public String getTime() { return time; }
    public void setTime(String v) { time = v; }

    @DynamoDbAttribute("expires_at")
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long v) { expiresAt = v; }
}
