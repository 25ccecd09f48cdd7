package io.lunora.viewer.moderation.dynamo;

import static io.lunora.viewer.dynamo.Attrs.putIfPresent;
import static io.lunora.viewer.dynamo.Attrs.s;
import static io.lunora.viewer.dynamo.Attrs.str;

import io.lunora.viewer.dynamo.ViewerTables;
import io.lunora.viewer.moderation.Report;
import io.lunora.viewer.moderation.ReportStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** ContentModeration in DynamoDB; a reporter's reports through {@code reporter_id-index}. */
@Component
class DynamoReportStore implements ReportStore {
    static final String REPORTER_INDEX = "reporter_id-index";

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoReportStore(DynamoDbClient dynamo, ViewerTables tables) {
        this.dynamo = dynamo;
        this.table = tables.moderation();
    }

    @Override
    public void create(Report r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("report_id", s(r.reportId()));
        item.put("stream_id", s(r.streamId()));
        item.put("reporter_id", s(r.reporterId()));
        item.put("report_type", s(r.reportType()));
        putIfPresent(item, "description", r.description());
        putIfPresent(item, "message_id", r.messageId());
        putIfPresent(item, "reported_viewer_id", r.reportedViewerId());
        item.put("status", s(r.status()));
        item.put("created_at", s(r.createdAt()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<Report> find(String reportId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("report_id", s(reportId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** Reports, newest first; {@code status} null means all. */
    @Override
    public List<Report> list(String status) {
        ScanRequest.Builder scan = ScanRequest.builder().tableName(table);
        if (status != null) {
            scan.filterExpression("#status = :s").expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":s", s(status)));
        }
        List<Report> reports = new ArrayList<>();
        dynamo.scanPaginator(scan.build()).items().forEach(i -> reports.add(fromItem(i)));
        reports.sort(Comparator.comparing(Report::createdAt).reversed());
        return reports;
    }

    @Override
    public List<Report> byReporter(String reporterId) {
        List<Report> reports = new ArrayList<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(REPORTER_INDEX)
                .keyConditionExpression("reporter_id = :r").expressionAttributeValues(Map.of(":r", s(reporterId))).build())
                .items().forEach(i -> reports.add(fromItem(i)));
        return reports;
    }

    /** Resolves a pending report; false when somebody resolved it first. */
    @Override
    public boolean resolve(String reportId, String moderatorId, String resolution, String note, String now) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":resolved", s("resolved"), ":m", s(moderatorId),
                ":r", s(resolution), ":now", s(now), ":pending", s("pending")));
        String expression = "SET #status = :resolved, moderator_id = :m, resolution = :r, resolved_at = :now";
        if (note != null && !note.isBlank()) {
            values.put(":note", s(note));
            expression += ", moderator_note = :note";
        }
        String update = expression;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("report_id", s(reportId)))
                    .updateExpression(update).conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status")).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException alreadyResolved) {
            return false;
        }
    }

    /** After account deletion: the report stays for the moderation record, without the reporter's id. */
    @Override
    public void anonymiseReporter(String reportId, String marker) {
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("report_id", s(reportId)))
                .updateExpression("SET reporter_id = :m").expressionAttributeValues(Map.of(":m", s(marker))));
    }

    /** After account deletion: reports about the deleted viewer's messages keep an anonymous author. */
    @Override
    public void anonymiseReported(String reportId, String marker) {
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("report_id", s(reportId)))
                .updateExpression("SET reported_viewer_id = :m").expressionAttributeValues(Map.of(":m", s(marker))));
    }

    private static Report fromItem(Map<String, AttributeValue> i) {
        return new Report(str(i, "report_id"), str(i, "stream_id"), str(i, "reporter_id"), str(i, "report_type"),
                str(i, "description"), str(i, "message_id"), str(i, "reported_viewer_id"), str(i, "status"),
                str(i, "moderator_id"), str(i, "resolution"), str(i, "moderator_note"), str(i, "created_at"),
                str(i, "resolved_at"));
    }
}
