package io.lunora.streaming.alerts.dynamo;

import io.lunora.streaming.alerts.Alert;
import io.lunora.streaming.alerts.AlertKind;
import io.lunora.streaming.alerts.AlertSeverity;
import io.lunora.streaming.alerts.AlertState;
import io.lunora.streaming.alerts.AlertStore;
import io.lunora.support.dynamo.TableNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Alerts table (see {@link AlertItem}). A page is read newest first with the filters applied
 * by DynamoDB; its cursor is the last alert's id, which is checked to be an id before use.
 */
@Component
class DynamoAlertStore implements AlertStore {
    private static final String ALERT = "a#";
    private static final String OPEN = "open#";
    private static final Pattern ALERT_ID = Pattern.compile("al-\\d{8}T\\d{15}Z-[0-9a-f]{8}");

    private final DynamoDbTable<AlertItem> table;

    DynamoAlertStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("Alerts"), TableSchema.fromBean(AlertItem.class));
    }

    @Override
    public Optional<Alert> findUnresolved(String organizationId, AlertKind kind, String source) {
        AlertItem marker = read(organizationId, markerKey(kind, source));
        return marker == null ? Optional.empty() : find(organizationId, marker.getAlertId()).filter(a -> !a.isResolved());
    }

    @Override
    public List<Alert> unresolved(String organizationId) {
        List<Alert> alerts = new ArrayList<>();
        table.query(QueryEnhancedRequest.builder().consistentRead(true)
                .queryConditional(QueryConditional.sortBeginsWith(k -> k.partitionValue(organizationId).sortValue(OPEN)))
                .build()).items()
                .forEach(marker -> find(organizationId, marker.getAlertId()).filter(a -> !a.isResolved())
                        .ifPresent(alerts::add));
        return alerts;
    }

    @Override
    public Optional<Alert> find(String organizationId, String alertId) {
        if (!ALERT_ID.matcher(alertId).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(read(organizationId, ALERT + alertId)).map(DynamoAlertStore::toDomain);
    }

    /** The alert first, then its marker: a crash in between leaves a marker a later read ignores or replaces. */
    @Override
    public void save(Alert alert) {
        table.putItem(toItem(alert));
        String marker = markerKey(alert.kind(), alert.source());
        if (alert.isResolved()) {
            AlertItem current = read(alert.organizationId(), marker);
            if (current != null && alert.alertId().equals(current.getAlertId())) {
                table.deleteItem(Key.builder().partitionValue(alert.organizationId()).sortValue(marker).build());
            }
        } else {
            AlertItem item = new AlertItem();
            item.setOrganizationId(alert.organizationId());
            item.setAlertKey(marker);
            item.setAlertId(alert.alertId());
            table.putItem(item);
        }
    }

    @Override
    public Page page(String organizationId, String visibleTo, AlertState state, AlertSeverity severity, int limit,
            String cursor) {
        QueryEnhancedRequest.Builder query = QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.sortBeginsWith(k -> k.partitionValue(organizationId).sortValue(ALERT)))
                .scanIndexForward(false);
        Expression filter = filterOf(visibleTo, state, severity);
        if (filter != null) {
            query.filterExpression(filter);
        }
        if (cursor != null) {
            if (!ALERT_ID.matcher(cursor).matches()) {
                throw new InvalidCursorException();
            }
            query.exclusiveStartKey(Map.of("organization_id", AttributeValue.fromS(organizationId),
                    "alert_key", AttributeValue.fromS(ALERT + cursor)));
        }
        // one more than asked tells whether a next page exists, so the last page is never an empty one
        List<AlertItem> items = table.query(query.build()).items().stream().limit(limit + 1L).toList();
        List<AlertItem> page = items.subList(0, Math.min(limit, items.size()));
        String next = items.size() > limit ? page.getLast().getAlertId() : null;
        return new Page(page.stream().map(DynamoAlertStore::toDomain).toList(), next);
    }

    private static Expression filterOf(String visibleTo, AlertState state, AlertSeverity severity) {
        List<String> terms = new ArrayList<>();
        Expression.Builder b = Expression.builder();
        if (visibleTo != null) {
            terms.add("(organization_wide = :everyone OR owner_id = :me)");
            b.putExpressionValue(":everyone", AttributeValue.fromBool(true))
                    .putExpressionValue(":me", AttributeValue.fromS(visibleTo));
        }
        if (state != null) {
            terms.add("#state = :state");
            b.putExpressionName("#state", "state").putExpressionValue(":state", AttributeValue.fromS(state.value()));
        }
        if (severity != null) {
            terms.add("severity = :severity");
            b.putExpressionValue(":severity", AttributeValue.fromS(severity.value()));
        }
        return terms.isEmpty() ? null : b.expression(String.join(" AND ", terms)).build();
    }

    private AlertItem read(String organizationId, String key) {
        return table.getItem(GetItemEnhancedRequest.builder().consistentRead(true)
                .key(Key.builder().partitionValue(organizationId).sortValue(key).build()).build());
    }

    private static String markerKey(AlertKind kind, String source) {
        return OPEN + kind.value() + "#" + source;
    }

    private static AlertItem toItem(Alert a) {
        AlertItem i = new AlertItem();
        i.setOrganizationId(a.organizationId());
        i.setAlertKey(ALERT + a.alertId());
        i.setAlertId(a.alertId());
        i.setKind(a.kind().value());
        i.setSeverity(a.severity().value());
        i.setSource(a.source());
        i.setOwnerId(a.ownerId());
        i.setOrganizationWide(a.organizationWide());
        i.setMessage(a.message());
        i.setState(a.state().value());
        i.setFirstSeen(a.firstSeen().toString());
        i.setLastSeen(a.lastSeen().toString());
        i.setCount(a.count());
        i.setAcknowledgedBy(a.acknowledgedBy());
        i.setAcknowledgedAt(a.acknowledgedAt() == null ? null : a.acknowledgedAt().toString());
        i.setResolvedAt(a.resolvedAt() == null ? null : a.resolvedAt().toString());
        return i;
    }

    private static Alert toDomain(AlertItem i) {
        return new Alert(i.getOrganizationId(), i.getAlertId(), AlertKind.parse(i.getKind()).orElseThrow(),
                i.getSource(), i.getOwnerId(), Boolean.TRUE.equals(i.getOrganizationWide()), i.getMessage(), AlertState.parse(i.getState()).orElseThrow(),
                Instant.parse(i.getFirstSeen()), Instant.parse(i.getLastSeen()), i.getCount(), i.getAcknowledgedBy(),
                i.getAcknowledgedAt() == null ? null : Instant.parse(i.getAcknowledgedAt()),
                i.getResolvedAt() == null ? null : Instant.parse(i.getResolvedAt()));
    }
}
