package dev.bazaar.inbound.item;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param partitions partitions {@code supplier.items.v1} is declared with (item-service instances ×
 *        consumer threads that can share it)
 */
@ConfigurationProperties("bazaar.inbound.supplier-items")
record SupplierItemsTopicProperties(@DefaultValue("4") int partitions) {}
