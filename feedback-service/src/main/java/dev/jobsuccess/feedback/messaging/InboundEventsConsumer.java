package dev.jobsuccess.feedback.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.commons.inbound.InboundEvent;
import dev.jobsuccess.commons.tracing.InboundTraces;
import dev.jobsuccess.commons.inbound.InboundProcessor;
import dev.jobsuccess.commons.inbound.InvalidEventException;
import dev.jobsuccess.feedback.opencontract.OpenContract;
import dev.jobsuccess.feedback.opencontract.OpenContractService;
import dev.jobsuccess.feedback.removal.ProfileRemovalService;
import dev.jobsuccess.feedback.removal.RemovalDecision;
import dev.jobsuccess.feedback.window.ClosedContract;
import dev.jobsuccess.feedback.window.EarningsAdjustment;
import dev.jobsuccess.feedback.window.FeedbackWindowService;

/**
 * contract-started and contract-payment-recorded keep the open contracts current (mid-contract feedback),
 * contract-closed opens feedback windows, contract-earnings-adjusted keeps each contract's net earnings current, and
 * score-service's feedback-removal-decided takes a client's feedback off the profile. The
 * service's one consumer (commons' {@link dev.jobsuccess.commons.inbound.InboundConsumer}) reads every topic (keyed by
 * freelancerId), a poll at a time in partition order: an invalid record goes to {@code <topic>-dlq-feedback} at once; a
 * valid event is applied once (inbox), and a transient failure (the database away) retries the poll until it succeeds,
 * so a valid event is never parked.
 */
@ApplicationScoped
public class InboundEventsConsumer implements InboundProcessor<Object> {

    private final ObjectMapper json;
    private final FeedbackWindowService windows;
    private final OpenContractService openContracts;
    private final ProfileRemovalService removals;

    InboundEventsConsumer(ObjectMapper json, FeedbackWindowService windows, OpenContractService openContracts,
                          ProfileRemovalService removals) {
        this.json = json;
        this.windows = windows;
        this.openContracts = openContracts;
        this.removals = removals;
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
            case ContractStartedEvent.TOPIC -> {
                ContractStartedEvent started = parse(record, ContractStartedEvent.class);
                yield new InboundEvent<>(record, started.eventId(), started.eventType(), started.toStart());
            }
            case ContractPaymentRecordedEvent.TOPIC -> {
                ContractPaymentRecordedEvent payment = parse(record, ContractPaymentRecordedEvent.class);
                yield new InboundEvent<>(record, payment.eventId(), payment.eventType(), payment.toPaymentRecord());
            }
            case FeedbackRemovalDecidedEvent.TOPIC -> {
                FeedbackRemovalDecidedEvent decided = parse(record, FeedbackRemovalDecidedEvent.class);
                yield new InboundEvent<>(record, decided.eventId(), decided.eventType(), decided.toDecision());
            }
            default -> throw new InvalidEventException("feedback-service reads no topic " + record.topic());
        };
    }

    @Override
    public List<Rejection> apply(List<InboundEvent<Object>> events) {
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            int index = i;
            InboundEvent<Object> event = events.get(i);
            // In the event's trace: its log lines and the events it publishes continue the producer's trace.
            InboundTraces.within(event.eventId(), () -> {
                switch (event.payload()) {
                    case ClosedContract closed -> windows.open(closed);
                    case EarningsAdjustment adjustment -> windows.earningsAdjusted(adjustment);
                    case OpenContract.ContractStart start -> openContracts.started(start);
                    case OpenContract.PaymentRecord payment -> openContracts.paymentRecorded(payment);
                    case RemovalDecision decision -> {
                        if (removals.decided(decision) == ProfileRemovalService.Outcome.CONTRADICTS_CONTRACT) {
                            rejected.add(new Rejection(index, "contract " + decision.contractId() + " is not freelancer "
                                    + decision.freelancerId() + "'s"));
                        }
                    }
                    default -> throw new IllegalStateException("not an event feedback-service reads: " + event.payload());
                }
                return null;
            });
        }
        return rejected;
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
