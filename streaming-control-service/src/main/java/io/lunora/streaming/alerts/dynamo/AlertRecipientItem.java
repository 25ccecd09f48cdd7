package io.lunora.streaming.alerts.dynamo;

import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** Storage shape of the AlertRecipients table: one alert e-mail rule per organization and recipient id. */
@DynamoDbBean
public class AlertRecipientItem {
    private String organizationId;
    private String recipientId;
    private String email;
    private String minimumSeverity;
    private Set<String> kinds;
    private String createdBy;
    private String createdAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("organization_id")
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String v) { organizationId = v; }

    @DynamoDbSortKey
    @DynamoDbAttribute("recipient_id")
    public String getRecipientId() { return recipientId; }
    public void setRecipientId(String v) { recipientId = v; }

    @DynamoDbAttribute("email")
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }

    @DynamoDbAttribute("minimum_severity")
    public String getMinimumSeverity() { return minimumSeverity; }
    public void setMinimumSeverity(String v) { minimumSeverity = v; }

    /** A string set, absent for every kind (DynamoDB stores no empty set). */
    @DynamoDbAttribute("kinds")
    public Set<String> getKinds() { return kinds; }
    public void setKinds(Set<String> v) { kinds = v; }

    @DynamoDbAttribute("created_by")
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String v) { createdBy = v; }

    @DynamoDbAttribute("created_at")
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String v) { createdAt = v; }
}
