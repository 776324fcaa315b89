package dev.bazaar.item.catalog;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bazaar.items.*} read by the catalogue; each default is stated here only. (The sweeper's
 * {@code republish.initial-delay} and {@code .interval}, PT5S and PT30S, and the supplier feed's
 * {@code supplier-feed-consumers} are read by {@code @Scheduled} and {@code @KafkaListener}, whose
 * placeholders state those defaults.)
 *
 * @param indexedAttributes attributes listing filters ({@code attr.<name>=}) use often enough to deserve an index
 * @param publishAckTimeout how long a batch waits for Kafka to acknowledge its catalogue events
 * @param batchesInFlight catalogue batches whose events may await their acknowledgement at once
 * @param republish the sweeper of changes whose events were never acknowledged
 */
@ConfigurationProperties("bazaar.items")
record CatalogProperties(
        @DefaultValue({"fabric", "color"}) List<String> indexedAttributes,
        @DefaultValue("PT30S") Duration publishAckTimeout,
        @DefaultValue("4") int batchesInFlight,
        @DefaultValue Republish republish) {

    /** @param grace an unacknowledged change younger than this is left to the writer still waiting for it */
    record Republish(@DefaultValue("PT60S") Duration grace) {}
}
