package dev.jobsuccess.feedback.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.commons.inbound.InboundEvent;
import dev.jobsuccess.commons.inbound.InboundProcessor;
import dev.jobsuccess.commons.inbound.InvalidEventException;
import dev.jobsuccess.feedback.window.ClosedContract;
import dev.jobsuccess.feedback.window.EarningsAdjustment;
import dev.jobsuccess.feedback.window.FeedbackWindowService;

/**
 * contract-closed opens feedback windows, contract-earnings-adjusted keeps each contract's net earnings current. The
 * service's one consumer (commons' {@link dev.jobsuccess.commons.inbound.InboundConsumer}) reads both topics (keyed by
 * freelancerId), a poll at a time in partition order: an invalid record goes to {@code <topic>-dlq-feedback} at once; a
 * valid event is applied once (inbox), and a transient failure (the database away) retries the poll until it succeeds,
 * so a valid event is never parked.
 */
@ApplicationScoped
public class ContractEventsConsumer implements InboundProcessor<Object> {

    private final ObjectMapper json;
    private final FeedbackWindowService windows;

    ContractEventsConsumer(ObjectMapper json, FeedbackWindowService windows) {
        this.json = json;
        this.windows = windows;
    }

    @Override
    public String consumerName() {
        return FeedbackWindowService.CONSUMER;
    }

    @Override
    public InboundEvent<Object> read(ConsumerRecord<String, String> record) {
        return switch (record.topic()) {
            case ContractClosedEvent.TOPIC -> {
                ClosedContract closed = parse(record, ContractClosedEvent.class).toClosedContract();
                yield new InboundEvent<>(record, closed.eventId(), closed.eventType(), closed);
            }
            case ContractEarningsAdjustedEvent.TOPIC -> {
                EarningsAdjustment adjustment = parse(record, ContractEarningsAdjustedEvent.class).toAdjustment();
                yield new InboundEvent<>(record, adjustment.eventId(), adjustment.eventType(), adjustment);
            }
            default -> throw new InvalidEventException("feedback-service reads no topic " + record.topic());
        };
    }

    @Override
    public List<Rejection> apply(List<InboundEvent<Object>> events) {
        for (InboundEvent<Object> event : events) {
            switch (event.payload()) {
                case ClosedContract closed -> windows.open(closed);
                case EarningsAdjustment adjustment -> windows.earningsAdjusted(adjustment);
                default -> throw new IllegalStateException("not a contract event: " + event.payload());
            }
        }
        return List.of();
    }

    private <T> T parse(ConsumerRecord<String, String> record, Class<T> type) {
        if (record.value() == null || record.value().isBlank()) {
            throw new InvalidEventException(record.topic() + " record without a value");
        }
        try {
            return json.readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(record.topic() + " record is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
