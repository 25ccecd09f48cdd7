package io.lunora.destination.destinations.dynamo;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** One row of {@code Destinations}: the specification's columns; the stream key only by reference. */
@DynamoDbBean
public class DestinationItem {
    private String organizationId;
    private String destinationId;
    private String userId;
    private String name;
    private String platform;
    private String rtmpUrl;
    private String streamKeyParam;
    private String streamKeyMasked;
    private String presetId;
    private Boolean enabled;
    private Boolean autoStart;
    private Boolean recordingBackup;
    private Boolean priority;
    private Long version;
    private String createdAt;
    private String updatedAt;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("organization_id")
    public String getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(String organizationId) {
        this.organizationId = organizationId;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute("destination_id")
    public String getDestinationId() {
        return destinationId;
    }

    public void setDestinationId(String destinationId) {
        this.destinationId = destinationId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "user_id-index")
    @DynamoDbAttribute("user_id")
    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    @DynamoDbAttribute("name")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @DynamoDbAttribute("platform")
    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    @DynamoDbAttribute("rtmp_url")
    public String getRtmpUrl() {
        return rtmpUrl;
    }

    public void setRtmpUrl(String rtmpUrl) {
        this.rtmpUrl = rtmpUrl;
    }

    @DynamoDbAttribute("stream_key_param")
    public String getStreamKeyParam() {
        return streamKeyParam;
    }

    public void setStreamKeyParam(String streamKeyParam) {
        this.streamKeyParam = streamKeyParam;
    }

    @DynamoDbAttribute("stream_key_masked")
    public String getStreamKeyMasked() {
        return streamKeyMasked;
    }

    public void setStreamKeyMasked(String streamKeyMasked) {
        this.streamKeyMasked = streamKeyMasked;
    }

    @DynamoDbAttribute("preset_id")
    public String getPresetId() {
        return presetId;
    }

    public void setPresetId(String presetId) {
        this.presetId = presetId;
    }

    @DynamoDbAttribute("enabled")
    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    @DynamoDbAttribute("auto_start")
    public Boolean getAutoStart() {
        return autoStart;
    }

    public void setAutoStart(Boolean autoStart) {
        this.autoStart = autoStart;
    }

    @DynamoDbAttribute("recording_backup")
    public Boolean getRecordingBackup() {
        return recordingBackup;
    }

    public void setRecordingBackup(Boolean recordingBackup) {
        this.recordingBackup = recordingBackup;
    }

    @DynamoDbAttribute("priority")
    public Boolean getPriority() {
        return priority;
    }

    public void setPriority(Boolean priority) {
        this.priority = priority;
    }

    @DynamoDbVersionAttribute
    @DynamoDbAttribute("version")
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    @DynamoDbAttribute("created_at")
    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbAttribute("updated_at")
    public String getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(String updatedAt) {
        this.updatedAt = updatedAt;
    }
}
