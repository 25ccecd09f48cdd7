package io.lunora.streaming.costs.adapter.dynamo;

import io.lunora.streaming.costs.Budget;
import io.lunora.streaming.costs.BudgetStore;
import io.lunora.support.dynamo.TableNames;
import io.lunora.support.problem.ConcurrentChangeException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The CostBudgets table (see {@link BudgetItem}); every write is conditional. */
@Component
class DynamoBudgetStore implements BudgetStore {
    private static final String BUDGET = "budget";
    private static final String ALERTED = "alerted#";
    /** A month's markers are kept a year after it, long past any check of that month. */
    private static final long KEEP_MARKERS_DAYS = 400;

    private final DynamoDbTable<BudgetItem> table;

    DynamoBudgetStore(DynamoDbEnhancedClient client, TableNames names) {
        this.table = client.table(names.of("CostBudgets"), TableSchema.fromBean(BudgetItem.class));
    }

    @Override
    public Optional<Budget> find(String organizationId) {
        return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder().consistentRead(true)
                        .key(Key.builder().partitionValue(organizationId).sortValue(BUDGET).build()).build()))
                .map(i -> new Budget(i.getOrganizationId(), new BigDecimal(i.getMonthlyAmountUsd()), i.getThresholds(),
                        i.getVersion(), i.getUpdatedBy(), Instant.parse(i.getUpdatedAt())));
    }

    @Override
    public void save(Budget budget) {
        BudgetItem item = new BudgetItem();
        item.setOrganizationId(budget.organizationId());
        item.setItemKey(BUDGET);
        item.setMonthlyAmountUsd(budget.monthlyAmountUsd().toPlainString());
        item.setThresholds(budget.thresholds());
        item.setVersion(budget.version());
        item.setUpdatedBy(budget.updatedBy());
        item.setUpdatedAt(budget.updatedAt().toString());
        Expression condition = budget.version() == 1
                ? Expression.builder().expression("attribute_not_exists(item_key)").build()
                : Expression.builder().expression("#v = :previous").putExpressionName("#v", "version")
                        .putExpressionValue(":previous", AttributeValue.fromN(Long.toString(budget.version() - 1)))
                        .build();
        put(item, condition);
    }

    @Override
    public boolean markAlerted(String organizationId, YearMonth month, int threshold) {
        BudgetItem item = new BudgetItem();
        item.setOrganizationId(organizationId);
        item.setItemKey(ALERTED + month + "#" + threshold);
        item.setExpiresAt(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                .plusSeconds(KEEP_MARKERS_DAYS * 86_400).getEpochSecond());
        try {
            put(item, Expression.builder().expression("attribute_not_exists(item_key)").build());
            return true;
        } catch (ConcurrentChangeException already) {
            return false;
        }
    }

    private void put(BudgetItem item, Expression condition) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(BudgetItem.class).item(item).conditionExpression(condition)
                    .build());
        } catch (ConditionalCheckFailedException lost) {
            throw new ConcurrentChangeException();
        }
    }
}
