package dev.bazaar.order.reconciliation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings under {@code bazaar.orders.reconciliation}; each default is stated here and nowhere else.
 *
 * @param interval how often the scheduled run starts (and how long after startup the first one does)
 * @param grace an order, a ledger reference or a payment that changed less than this before the run started is
 *     still moving (a capture on its way to the order, a confirmation ahead of its status move): it is left for
 *     the next run, never reported
 * @param pageSize rows asked per page of each listing (inventory's and payment-service's allow up to 1000)
 * @param lockAtMostFor how long the run's lock (ShedLock, {@code reconciliation}) is held if its holder dies
 */
@Validated
@ConfigurationProperties("bazaar.orders.reconciliation")
record ReconciliationProperties(
        @DefaultValue("1h") Duration interval,
        @DefaultValue("5m") Duration grace,
        @DefaultValue("500") @Min(1) @Max(1000) int pageSize,
        @DefaultValue("1h") Duration lockAtMostFor) {}
