package dev.jobsuccess.commons.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/** With tracing off no span records anything, and the trace being followed is carried on unchanged. */
class TracersTest {

    private static final String SENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void tracingOnStartsRecordingSpansInTheCurrentTrace() {
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build())
                .build()) {
            Span span = started(new Tracers(sdk, false), TraceHeaders.parent(SENT));
            assertTrue(span.isRecording());
            span.end();
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", span.getSpanContext().getTraceId());
            assertNotEquals("00f067aa0ba902b7", span.getSpanContext().getSpanId());
        }
    }

    @Test
    void tracingOffRecordsNothingAndCarriesTheTraceOn() {
        // The SDK Quarkus hands out with tracing off: no processors, but spans that record.
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().build())
                .build()) {
            Span span = started(new Tracers(sdk, true), TraceHeaders.parent(SENT));
            assertFalse(span.isRecording());
            try (Scope ignored = span.makeCurrent()) {
                assertEquals(SENT, TraceHeaders.current());
            }
            span.end();
        }
    }

    private static Span started(Tracers tracers, Context parent) {
        return tracers.get("test").spanBuilder("work").setParent(parent).startSpan();
    }
}
