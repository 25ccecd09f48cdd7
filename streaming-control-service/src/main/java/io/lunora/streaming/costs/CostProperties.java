package io.lunora.streaming.costs;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lunora.costs}: the price list the costs are computed with (USD; AWS us-east-1 list prices
 * by default, adjust to your region and contract) and the budget check.
 *
 * @param medialiveChannelPerHour          one channel while a session runs
 * @param medialiveAdditionalOutputPerHour each destination after the first, while the session runs
 * @param medialiveRedundantInputPerHour   the secondary input of a session with failover
 * @param dataTransferOutPerGb             egress, by the bytes actually sent to the destinations
 * @param storagePerGbMonth                a recorded session's bytes kept for a month
 * @param otherServicesPerMonth            fixed monthly charges (DynamoDB, Parameter Store, Lambda) added to a month
 * @param defaultMonthlyBudget             the budget of an organization whose admins set none
 * @param checkInterval                    how often the month's cost is compared with the budget's thresholds
 */
@ConfigurationProperties(prefix = "lunora.costs")
public record CostProperties(BigDecimal medialiveChannelPerHour, BigDecimal medialiveAdditionalOutputPerHour,
        BigDecimal medialiveRedundantInputPerHour, BigDecimal dataTransferOutPerGb, BigDecimal storagePerGbMonth,
        BigDecimal otherServicesPerMonth, BigDecimal defaultMonthlyBudget, Duration checkInterval) {
    public CostProperties {
        medialiveChannelPerHour = orDefault(medialiveChannelPerHour, "2.50");
        medialiveAdditionalOutputPerHour = orDefault(medialiveAdditionalOutputPerHour, "0.50");
        medialiveRedundantInputPerHour = orDefault(medialiveRedundantInputPerHour, "0.50");
        dataTransferOutPerGb = orDefault(dataTransferOutPerGb, "0.09");
        storagePerGbMonth = orDefault(storagePerGbMonth, "0.023");
        otherServicesPerMonth = orDefault(otherServicesPerMonth, "17.00");
        defaultMonthlyBudget = orDefault(defaultMonthlyBudget, "150.00");
        checkInterval = checkInterval == null ? Duration.ofMinutes(1) : checkInterval;
    }

    private static BigDecimal orDefault(BigDecimal value, String fallback) {
        return value == null ? new BigDecimal(fallback) : value;
    }
}
