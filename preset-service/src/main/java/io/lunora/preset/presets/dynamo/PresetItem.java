package io.lunora.preset.presets.dynamo;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One row of {@code StreamingPresets}: the specification's columns, the three settings groups as
 * maps of snake_case names to strings or numbers.
 */
@DynamoDbBean
public class PresetItem {
    private String organizationId;
    private String presetId;
    private String platform;
    private String name;
    private Boolean builtIn;
    private Boolean passthrough;
    private Map<String, String> videoSettings;
    private Map<String, String> audioSettings;
    private Map<String, String> advancedSettings;
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
    @DynamoDbAttribute("preset_id")
    public String getPresetId() {
        return presetId;
    }

    public void setPresetId(String presetId) {
        this.presetId = presetId;
    }

    @DynamoDbAttribute("platform")
    public String getPlatform() {
        return platform;
    }

    public void setPlatform(String platform) {
        this.platform = platform;
    }

    @DynamoDbAttribute("name")
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @DynamoDbAttribute("built_in")
    public Boolean getBuiltIn() {
        return builtIn;
    }

    public void setBuiltIn(Boolean builtIn) {
        this.builtIn = builtIn;
    }

    /** Absent on rows written before passthrough presets existed: read as false. */
    @DynamoDbAttribute("passthrough")
    public Boolean getPassthrough() {
        return passthrough;
    }

    public void setPassthrough(Boolean passthrough) {
        this.passthrough = passthrough;
    }

    @DynamoDbAttribute("video_settings")
    public Map<String, String> getVideoSettings() {
        return videoSettings;
    }

    public void setVideoSettings(Map<String, String> videoSettings) {
        this.videoSettings = videoSettings;
    }

    @DynamoDbAttribute("audio_settings")
    public Map<String, String> getAudioSettings() {
        return audioSettings;
    }

    public void setAudioSettings(Map<String, String> audioSettings) {
        this.audioSettings = audioSettings;
    }

    @DynamoDbAttribute("advanced_settings")
    public Map<String, String> getAdvancedSettings() {
        return advancedSettings;
    }

    public void setAdvancedSettings(Map<String, String> advancedSettings) {
        this.advancedSettings = advancedSettings;
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
