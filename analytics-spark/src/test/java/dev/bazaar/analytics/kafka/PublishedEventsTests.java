package dev.bazaar.analytics.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.contracts.IntegrationEvent;
import dev.bazaar.contracts.analytics.BestsellersComputed;
import dev.bazaar.contracts.analytics.RecommendationsComputed;
import dev.bazaar.contracts.analytics.RecommendationsComputed.Scored;
import dev.bazaar.contracts.analytics.ReportPublished;
import dev.bazaar.contracts.analytics.SimilarItemsComputed;
import dev.bazaar.contracts.kafka.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the jobs publish (Jackson 2, Spark's) is what the services read (Jackson 3, Spring Boot's, here with its
 * plain defaults): every record type of analytics.reports.v1 and recommendations.v1 read back equal, with the
 * headers recommendation-service dispatches on.
 */
class PublishedEventsTests {

    private static final JsonMapper SERVICES_JSON = JsonMapper.builder().build();
    // Nanoseconds and a null category, as the jobs really publish them.
    private static final Instant AT = Instant.parse("2026-12-07T12:43:19.391123456Z");

    static Stream<IntegrationEvent> published() {
        List<Scored> items = List.of(new Scored("item-1", 0.97), new Scored("item-2", 0.5));
        return Stream.of(
                new ReportPublished(
                        UUID.randomUUID(),
                        AT,
                        "searches",
                        Instant.parse("2026-12-07T12:13:00Z"),
                        Instant.parse("2026-12-07T12:43:00Z"),
                        List.of(new ReportPublished.Entry(null, "jeans", 5.0))),
                new ReportPublished(
                        UUID.randomUUID(),
                        AT,
                        "top-revenue",
                        Instant.parse("2026-12-07T11:43:00Z"),
                        Instant.parse("2026-12-07T12:43:00Z"),
                        List.of(new ReportPublished.Entry("item-1", null, 1.73998E7))),
                new RecommendationsComputed(UUID.randomUUID(), AT, "user-1", null, "als-20261207T124324Z", items),
                new RecommendationsComputed(UUID.randomUUID(), AT, "user-1", "Watches", "als-20261207T124324Z", items),
                new SimilarItemsComputed(UUID.randomUUID(), AT, "item-3", "als-20261207T124324Z", items),
                new BestsellersComputed(UUID.randomUUID(), AT, null, "als-20261207T124324Z", items));
    }

    @ParameterizedTest
    @MethodSource("published")
    void theServicesReadWhatTheJobsPublish(IntegrationEvent event) {
        ProducerRecord<String, byte[]> record = PublishedEvents.record("t.analytics", event);

        assertThat(SERVICES_JSON.readValue(record.value(), event.getClass())).isEqualTo(event);
        assertThat(record.key()).isEqualTo(event.key());
        assertThat(CloudEventHeaders.value(record.headers(), CloudEventHeaders.TYPE))
                .contains("dev.bazaar." + event.getClass().getSimpleName());
        assertThat(CloudEventHeaders.eventId(record.headers())).contains(event.eventId());
        // ISO-8601 text, not epoch numbers: what every other event on the platform carries.
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"occurredAt\":\"2026-12-07T12:43:19.391123456Z\"");
    }
}
