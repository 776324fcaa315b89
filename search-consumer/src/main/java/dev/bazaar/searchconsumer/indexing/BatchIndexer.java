package dev.bazaar.searchconsumer.indexing;

import dev.bazaar.searchconsumer.indexing.ItemIndexWriter.Rejection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Turns one listener batch into one index write, and reports failures the way the platform's
 * error handler expects from a batch listener: a {@link BatchListenerFailedException} naming the
 * failing record. The handler commits the records before it, retries it, publishes it to
 * {@code <topic>.dlt} once retries are exhausted and redelivers the rest; the rest were already
 * applied, so they come back as stale and change nothing.
 *
 * <ul>
 * <li>Unreadable record: the records before it are indexed, then it is reported.</li>
 * <li>Document refused by Elasticsearch (malformed): everything else is indexed, then the first
 * record that contributed to the refused document is reported.</li>
 * <li>Elasticsearch unavailable: the first record is reported with an {@link IndexUnavailableException},
 * for which the back-off never ends (see {@link OutageBackOffConfiguration}), so the batch waits; its
 * records are counted as {@code unavailable} at every attempt.</li>
 * </ul>
 */
@Component
class BatchIndexer {

    private static final Logger log = LoggerFactory.getLogger(BatchIndexer.class);

    /** Reads a record (never one without a value) into a change, throwing if it is unusable. */
    @FunctionalInterface
    public interface RecordReader {
        ItemChange read(ConsumerRecord<String, byte[]> record, int index);
    }

    private final ItemIndexWriter writer;
    private final IndexingMetrics metrics;

    BatchIndexer(ItemIndexWriter writer, IndexingMetrics metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    public void index(String source, List<ConsumerRecord<String, byte[]>> records, RecordReader reader) {
        List<ItemChange> changes = new ArrayList<>(records.size());
        int unreadableIndex = -1;
        RuntimeException unreadable = null;
        for (int index = 0; index < records.size(); index++) {
            try {
                if (records.get(index).value() == null) {
                    throw new IllegalArgumentException("empty record");
                }
                changes.add(reader.read(records.get(index), index));
            } catch (RuntimeException e) {
                unreadableIndex = index;
                unreadable = e;
                break;
            }
        }
        ItemIndexWriter.Result result;
        try {
            result = writer.write(source, changes);
        } catch (IndexUnavailableException e) {
            log.warn(
                    "Search index unavailable, {} batch of {} records will be retried: {}",
                    source,
                    records.size(),
                    e.getMessage());
            metrics.events(source, "unavailable", records.size());
            throw new BatchListenerFailedException("Search index unavailable", e, 0);
        }
        log.debug(
                "Indexed {} batch: {} records, {} applied, {} stale, {} documents written",
                source,
                records.size(),
                result.applied(),
                result.stale(),
                result.written());
        if (!result.rejected().isEmpty()) {
            Map.Entry<String, Rejection> first = result.rejected().entrySet().stream()
                    .min(Comparator.comparingInt(e -> e.getValue().firstRecordIndex()))
                    .orElseThrow();
            ConsumerRecord<String, byte[]> record = records.get(first.getValue().firstRecordIndex());
            log.warn(
                    "Elasticsearch rejected search document {} ({} refused in this batch) from {}-{}@{}: {}",
                    first.getKey(),
                    result.rejected().size(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    first.getValue().reason());
            metrics.events(source, "poison", 1);
            // The reason goes into the message too: it becomes the DLT record's exception-message header.
            throw new BatchListenerFailedException(
                    "Elasticsearch rejected the document of item " + first.getKey() + ": "
                            + abbreviate(first.getValue().reason()),
                    new RejectedDocumentException(first.getValue().reason()),
                    first.getValue().firstRecordIndex());
        }
        if (unreadable != null) {
            ConsumerRecord<String, byte[]> record = records.get(unreadableIndex);
            log.warn(
                    "Unreadable {} record {}-{}@{} (key {}): {}",
                    source,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    unreadable.getMessage());
            metrics.events(source, "poison", 1);
            throw new BatchListenerFailedException(
                    "Unreadable " + source + " event: " + abbreviate(unreadable.getMessage()),
                    unreadable,
                    unreadableIndex);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }
}
