package io.lunora.source.config.dynamo;



import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** Storage shape of a configuration, with the specification's attribute names. */
@DynamoDbBean
public class SourceConfigurationItem {
    private String organizationId;
    private String configId;
    private String name;
    private Boolean isDefault;
    private String redundancyMode;
    private Integer failoverThreshold;
    private Integer healthCheckInterval;
    private String failback;
    private Integer failbackAfter;
    private SrtSourceItem primarySource;
    private SrtSourceItem secondarySource;
    private String updatedAt;
    private String updatedBy;
    private Long version;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("organization_id")
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String v) { organizationId = v; }

    @DynamoDbSortKey
    @DynamoDbAttribute("config_id")
    public String getConfigId() { return configId; }
    public void setConfigId(String v) { configId = v; }

    @DynamoDbAttribute("name")
    public String getName() { return name; }
    public void setName(String v) { name = v; }

    @DynamoDbAttribute("is_default")
    public Boolean getIsDefault() { return isDefault; }
    public void setIsDefault(Boolean v) { isDefault = v; }

    @DynamoDbAttribute("redundancy_mode")
    public String getRedundancyMode() { return redundancyMode; }
    public void setRedundancyMode(String v) { redundancyMode = v; }

    @DynamoDbAttribute("failover_threshold")
    public Integer getFailoverThreshold() { return failoverThreshold; }
    public void setFailoverThreshold(Integer v) { failoverThreshold = v; }

    @DynamoDbAttribute("health_check_interval")
    public Integer getHealthCheckInterval() { return healthCheckInterval; }
    public void setHealthCheckInterval(Integer v) { healthCheckInterval = v; }

    @DynamoDbAttribute("failback")
    public String getFailback() { return failback; }
    public void setFailback(String v) { failback = v; }

    @DynamoDbAttribute("failback_after")
    public Integer getFailbackAfter() { return failbackAfter; }
    public void setFailbackAfter(Integer v) { failbackAfter = v; }

    @DynamoDbAttribute("primary_source")
    public SrtSourceItem getPrimarySource() { return primarySource; }
    public void setPrimarySource(SrtSourceItem v) { primarySource = v; }

    @DynamoDbAttribute("secondary_source")
    public SrtSourceItem getSecondarySource() { return secondarySource; }
    public void setSecondarySource(SrtSourceItem v) { secondarySource = v; }

    @DynamoDbAttribute("updated_at")
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String v) { updatedAt = v; }

    @DynamoDbAttribute("updated_by")
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String v) { updatedBy = v; }

    @DynamoDbVersionAttribute
    @DynamoDbAttribute("version")
    public Long getVersion() { return version; }
    public void setVersion(Long v) { version = v; }
}
