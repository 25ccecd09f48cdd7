package io.lunora.streaming.costs.adapter.dynamo;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Storage shape of the CostBudgets table: the budget is {@code budget} (amount as a decimal string,
 * thresholds, version, who and when); a threshold alerted in a month is {@code alerted#{yyyy-MM}#{percent}},
 * which expires ({@code expires_at}, TTL) once its month is long over.
 */
@DynamoDbBean
public class BudgetItem {
    private String organizationId;
    private String itemKey;
    private String monthlyAmountUsd;
    private List<Integer> thresholds;
    private Long version;
    private String updatedBy;
    private String updatedAt;
    private Long expiresAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("organization_id")
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String v) { organizationId = v; }

    @DynamoDbSortKey
    @DynamoDbAttribute("item_key")
    public String getItemKey() { return itemKey; }
    public void setItemKey(String v) { itemKey = v; }

    @DynamoDbAttribute("monthly_amount_usd")
    public String getMonthlyAmountUsd() { return monthlyAmountUsd; }
    public void setMonthlyAmountUsd(String v) { monthlyAmountUsd = v; }

    @DynamoDbAttribute("thresholds")
    public List<Integer> getThresholds() { return thresholds; }
    public void setThresholds(List<Integer> v) { thresholds = v; }

    @DynamoDbAttribute("version")
    public Long getVersion() { return version; }
    public void setVersion(Long v) { version = v; }

    @DynamoDbAttribute("updated_by")
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { updatedBy = v; }

    @DynamoDbAttribute("updated_at")
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String v) { updatedAt = v; }

    @DynamoDbAttribute("expires_at")
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long v) { expiresAt = v; }
}
