package io.lunora.streaming.sessions.dynamo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Storage shape of a session with the specification's attribute names (session_id, start_time,
 * end_time, source_config, active_destinations, session_status, metrics, error_logs) plus what
 * the product needs beyond them: {@code failover_events} holds only the latest switches and
 * {@code switch_counts} their counts (every switch is an item of StreamSessionEvents). Also the
 * shape of the organization's open-session marker (session_id {@code open}, pointing at the open session).
 */
@DynamoDbBean
public class SessionItem {
    private String organizationId;
    private String sessionId;
    private String openSessionId;
    private String startedBy;
    private String startedById;
    private String startTime;
    private String endTime;
    private String sessionStatus;
    private Map<String, String> sourceConfig;
    private List<String> activeDestinations;
    private List<Map<String, String>> destinations;
    private List<Map<String, String>> failoverEvents;
    private Map<String, String> switchCounts;
    private List<Map<String, String>> errorLogs;
    private Map<String, String> metrics;
    private Boolean recording;
    private String stopDeadline;
    private String streamId;
    private Long version;

    @DynamoDbPartitionKey
    @DynamoDbAttribute("organization_id")
    public String getOrganizationId() { return organizationId; }
    public void setOrganizationId(String v) { organizationId = v; }

    @DynamoDbSortKey
    @DynamoDbAttribute("session_id")
    public String getSessionId() { return sessionId; }
    public void setSessionId(String v) { sessionId = v; }

    @DynamoDbAttribute("open_session_id")
    public String getOpenSessionId() { return openSessionId; }
    public void setOpenSessionId(String v) { openSessionId = v; }

    @DynamoDbAttribute("started_by")
    public String getStartedBy() { return startedBy; }
    public void setStartedBy(String v) { startedBy = v; }

    @DynamoDbAttribute("started_by_id")
    public String getStartedById() { return startedById; }
    public void setStartedById(String v) { startedById = v; }

    @DynamoDbSecondarySortKey(indexNames = "session_status-index")
    @DynamoDbAttribute("start_time")
    public String getStartTime() { return startTime; }
    public void setStartTime(String v) { startTime = v; }

    @DynamoDbAttribute("end_time")
    public String getEndTime() { return endTime; }
    public void setEndTime(String v) { endTime = v; }

    @DynamoDbSecondaryPartitionKey(indexNames = "session_status-index")
    @DynamoDbAttribute("session_status")
    public String getSessionStatus() { return sessionStatus; }
    public void setSessionStatus(String v) { sessionStatus = v; }

    @DynamoDbAttribute("source_config")
    public Map<String, String> getSourceConfig() { return sourceConfig; }
    public void setSourceConfig(Map<String, String> v) { sourceConfig = v; }

    @DynamoDbAttribute("active_destinations")
    public List<String> getActiveDestinations() { return activeDestinations; }
    public void setActiveDestinations(List<String> v) { activeDestinations = v; }

    @DynamoDbAttribute("destinations")
    public List<Map<String, String>> getDestinations() { return destinations; }
    public void setDestinations(List<Map<String, String>> v) { destinations = v; }

    @DynamoDbAttribute("failover_events")
    public List<Map<String, String>> getFailoverEvents() { return failoverEvents; }
    public void setFailoverEvents(List<Map<String, String>> v) { failoverEvents = v; }

    @DynamoDbAttribute("switch_counts")
    public Map<String, String> getSwitchCounts() { return switchCounts; }
    public void setSwitchCounts(Map<String, String> v) { switchCounts = v; }

    @DynamoDbAttribute("error_logs")
    public List<Map<String, String>> getErrorLogs() { return errorLogs; }
    public void setErrorLogs(List<Map<String, String>> v) { errorLogs = v; }

    @DynamoDbAttribute("metrics")
    public Map<String, String> getMetrics() { return metrics; }
    public void setMetrics(Map<String, String> v) { metrics = v; }

    @DynamoDbAttribute("recording")
    public Boolean getRecording() { return recording; }
    public void setRecording(Boolean v) { recording = v; }

    @DynamoDbAttribute("stop_deadline")
    public String getStopDeadline() { return stopDeadline; }
    public void setStopDeadline(String v) { stopDeadline = v; }

    @DynamoDbAttribute("stream_id")
    public String getStreamId() { return streamId; }
    public void setStreamId(String v) { streamId = v; }

    @DynamoDbVersionAttribute
    @DynamoDbAttribute("version")
    public Long getVersion() { return version; }
    public void setVersion(Long v) { version = v; }
}
