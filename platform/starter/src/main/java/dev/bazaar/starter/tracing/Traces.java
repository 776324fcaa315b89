package dev.bazaar.starter.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * W3C trace context ({@code traceparent}) for the paths Micrometer's observations do not cover:
 * records sent in bulk (no span per record), work that runs after its request has ended (an import
 * processed in the background, an outbox row relayed after the commit) and batch listeners. The
 * value is stored or copied as it is, so the trace goes on wherever the work does; the cost is one
 * header per record, formatted once per span.
 */
public class Traces {

    /** The W3C Trace Context header, as Kafka record header and HTTP header alike. */
    public static final String TRACEPARENT = "traceparent";

    private record Formatted(String traceId, String spanId, byte[] traceparent) {}

    private final Tracer tracer;
    private final Propagator propagator;
    // The events of a bulk are sent under one span: format its traceparent once.
    private volatile Formatted last = new Formatted("", "", new byte[0]);

    public Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the current span as UTF-8 bytes, or null outside any trace. */
    public byte[] current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        Formatted formatted = last;
        if (!formatted.spanId().equals(context.spanId()) || !formatted.traceId().equals(context.traceId())) {
            String value = format(context);
            if (value == null) {
                return null;
            }
            formatted = new Formatted(context.traceId(), context.spanId(), value.getBytes(StandardCharsets.UTF_8));
            last = formatted;
        }
        return formatted.traceparent();
    }

    /** {@link #current()} as text, e.g. to store beside work that goes on later; null outside any trace. */
    public String currentText() {
        byte[] value = current();
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code work} in a new span named {@code name}, the child of the span {@code traceparent}
     * names (or the root of a new trace when it is null or unreadable), and ends the span after it.
     */
    public <T> T inSpan(String name, String traceparent, Supplier<T> work) {
        Span span = spanFrom(name, traceparent == null ? Map.of() : Map.of(TRACEPARENT, traceparent))
                .start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void inSpan(String name, String traceparent, Runnable work) {
        inSpan(name, traceparent, () -> {
            work.run();
            return null;
        });
    }

    /** A span builder whose parent is read from {@code carrier} by the configured propagation. */
    <C> Span.Builder spanFrom(String name, C carrier, Propagator.Getter<C> getter) {
        return propagator.extract(carrier, getter).name(name);
    }

    Tracer tracer() {
        return tracer;
    }

    private Span.Builder spanFrom(String name, Map<String, String> headers) {
        return spanFrom(name, headers, Map::get);
    }

    private String format(TraceContext context) {
        Map<String, String> headers = new HashMap<>(4);
        propagator.inject(context, headers, Map::put);
        return headers.get(TRACEPARENT);
    }
}
