package dev.bazaar.starter.kafka;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Templates for high-volume streams (outbox relay, catalogue re-publication): they share the
 * application template's producer (same connection, same batches) but record no observation and no
 * timer per record. In a catalogue import profile the per-record span and timer cost several times
 * the send itself; the callers count their records instead.
 */
public final class BulkKafkaTemplates {

    public static KafkaTemplate<String, byte[]> sharing(KafkaTemplate<String, byte[]> application) {
        var bulk = new KafkaTemplate<>(application.getProducerFactory());
        bulk.setObservationEnabled(false);
        bulk.setMicrometerEnabled(false);
        return bulk;
    }

    private BulkKafkaTemplates() {}
}
