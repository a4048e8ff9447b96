package dev.jobsuccess.commons.inbound;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

import dev.jobsuccess.commons.tracing.TraceHeaders;

/**
 * The traces of one poll's events: one consumer span per event, a child of the trace its producer sent (the
 * traceparent header), so what applying the event publishes continues that trace. Closing ends the spans.
 */
final class ConsumerSpans implements AutoCloseable {

    private final Map<UUID, Context> contexts = new HashMap<>();
    private final List<Span> spans = new ArrayList<>();

    ConsumerSpans(Tracer tracer, String consumer, List<? extends InboundEvent<?>> events) {
        for (InboundEvent<?> event : events) {
            Context parent = TraceHeaders.parent(TraceHeaders.of(event.record().headers()));
            Span span = tracer.spanBuilder(event.record().topic() + " process").setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", event.record().topic())
                    .setAttribute("messaging.message.id", event.eventId().toString())
                    .setAttribute("messaging.consumer.group.name", consumer).startSpan();
            spans.add(span);
            contexts.put(event.eventId(), parent.with(span));
        }
    }

    /** Each event's context, by eventId (see {@link dev.jobsuccess.commons.tracing.InboundTraces}). */
    Map<UUID, Context> contexts() {
        return contexts;
    }

    @Override
    public void close() {
        spans.forEach(Span::end);
    }
}
