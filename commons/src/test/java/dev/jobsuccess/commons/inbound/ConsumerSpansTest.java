package dev.jobsuccess.commons.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import dev.jobsuccess.commons.tracing.InboundTraces;
import dev.jobsuccess.commons.tracing.TraceHeaders;

/** The trace each event of a poll is applied in, with tracing on and off (the no-op tracer, see Tracers). */
class ConsumerSpansTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

    @Test
    void withTracingOnEachEventGetsAConsumerSpanInItsProducersTraceEndedOnClose() {
        List<SpanData> ended = new ArrayList<>();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new Collecting(ended))).build()) {
            InboundEvent<String> traced = event(SENT);
            InboundEvent<String> untraced = event(null);
            try (ConsumerSpans spans = new ConsumerSpans(provider.get("test"), "score-service",
                    List.of(traced, untraced))) {
                Span span = Span.fromContext(spans.contexts().get(traced.eventId()));
                assertEquals(TRACE, span.getSpanContext().getTraceId());
                assertNotEquals("00f067aa0ba902b7", span.getSpanContext().getSpanId());
                assertTrue(span.isRecording());
                // What the applier publishes for the event carries the consumer span as its parent.
                String published = InboundTraces.applying(spans.contexts(),
                        () -> InboundTraces.within(traced.eventId(), TraceHeaders::current));
                assertEquals("00-" + TRACE + "-" + span.getSpanContext().getSpanId() + "-01", published);
                // An event sent outside any trace starts its own.
                Span own = Span.fromContext(spans.contexts().get(untraced.eventId()));
                assertNotEquals(TRACE, own.getSpanContext().getTraceId());
                assertTrue(ended.isEmpty());
            }
            assertEquals(2, ended.size());
            SpanData first = ended.getFirst();
            assertEquals("contract-closed process", first.getName());
            assertEquals(SpanKind.CONSUMER, first.getKind());
            assertEquals("00f067aa0ba902b7", first.getParentSpanId());
            assertEquals(traced.eventId().toString(),
                    first.getAttributes().get(AttributeKey.stringKey("messaging.message.id")));
        }
    }

    @Test
    void withTracingOffTheProducersTraceIsPassedOnAsItCameAndNoSpanIsStarted() {
        InboundEvent<String> traced = event(SENT);
        InboundEvent<String> untraced = event(null);
        try (ConsumerSpans spans = new ConsumerSpans(OpenTelemetry.noop().getTracer("test"), "score-service",
                List.of(traced, untraced))) {
            Context context = spans.contexts().get(traced.eventId());
            assertFalse(Span.fromContext(context).isRecording());
            String published = InboundTraces.applying(spans.contexts(),
                    () -> InboundTraces.within(traced.eventId(), TraceHeaders::current));
            assertEquals(SENT, published);
            assertNull(InboundTraces.applying(spans.contexts(),
                    () -> InboundTraces.within(untraced.eventId(), TraceHeaders::current)));
        }
    }

    private static InboundEvent<String> event(String traceparent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("contract-closed", 0, 0, "freelancer-1", "{}");
        if (traceparent != null) {
            record.headers().add(TraceHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return new InboundEvent<>(record, UUID.randomUUID(), "ContractClosed", "{}");
    }

    private record Collecting(List<SpanData> ended) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            ended.addAll(spans);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
