package dev.jobsuccess.commons.tracing;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

/**
 * Where the services' own spans come from. With tracing off (quarkus.otel.sdk.disabled) Quarkus still hands out an
 * SDK without processors, whose spans record their attributes for nobody: a 2,000-event poll kept 2,000 of them live
 * until it was applied. Then the no-op tracer of the OpenTelemetry API is used instead: its spans only carry the
 * current trace on, so an event's traceparent still reaches what it causes.
 */
@ApplicationScoped
public class Tracers {

    private final OpenTelemetry telemetry;

    Tracers(OpenTelemetry telemetry,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean tracingOff) {
        this.telemetry = tracingOff ? OpenTelemetry.noop() : telemetry;
    }

    public Tracer get(String instrumentationScope) {
        return telemetry.getTracer(instrumentationScope);
    }
}
