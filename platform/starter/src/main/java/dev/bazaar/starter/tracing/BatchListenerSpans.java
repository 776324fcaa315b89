package dev.bazaar.starter.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * One span per batch a batch listener receives, so the work a batch causes (its writes, the events
 * it publishes, its log lines) belongs to the trace that sent it. Spring Kafka observes record
 * listeners only; a span per record would cost more than the batch's own work. The parent is the
 * {@code traceparent} of the batch's first record that has one: records of one poll usually come
 * from one producer's batch (an import), and the others' traces are not followed.
 */
class BatchListenerSpans implements BatchInterceptor<Object, Object> {

    private static final Headers NO_PARENT = new RecordHeaders();

    private final Traces traces;
    private final ThreadLocal<Open> open = new ThreadLocal<>();

    private record Open(Span span, Tracer.SpanInScope scope) {}

    BatchListenerSpans(Traces traces) {
        this.traces = traces;
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(
            ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        close(null);
        if (records.isEmpty()) {
            return records;
        }
        // No record with a traceparent: empty headers, and the batch starts a new trace. Never null: the
        // propagator's extractor (Brave's B3) rejects a null carrier, and the exception failed every
        // untraced batch into the DLT.
        Headers parent = NO_PARENT;
        String topic = null;
        for (ConsumerRecord<Object, Object> record : records) {
            topic = topic == null ? record.topic() : topic;
            if (record.headers().lastHeader(Traces.TRACEPARENT) != null) {
                parent = record.headers();
                break;
            }
        }
        Span span = traces.spanFrom(topic + " receive", parent, BatchListenerSpans::header)
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("messaging.batch.message_count", Integer.toString(records.count()))
                .start();
        open.set(new Open(span, traces.tracer().withSpan(span)));
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        close(null);
    }

    @Override
    public void failure(
            ConsumerRecords<Object, Object> records, Exception exception, Consumer<Object, Object> consumer) {
        close(exception);
    }

    // Called after every poll's processing, also when the listener was never invoked.
    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        close(null);
    }

    private void close(Exception failure) {
        Open current = open.get();
        if (current == null) {
            return;
        }
        open.remove();
        current.scope().close();
        if (failure != null) {
            current.span().error(failure);
        }
        current.span().end();
    }

    private static String header(Headers headers, String key) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
