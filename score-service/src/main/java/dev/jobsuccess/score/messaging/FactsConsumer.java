package dev.jobsuccess.score.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.jobsuccess.commons.inbound.InboundEvent;
import dev.jobsuccess.commons.inbound.InboundProcessor;
import dev.jobsuccess.commons.inbound.InvalidEventException;
import dev.jobsuccess.commons.inbound.PoisonedEventsException;
import dev.jobsuccess.score.facts.IncomingFact;
import dev.jobsuccess.score.scoring.FactsUnscorableException;
import dev.jobsuccess.score.scoring.ScoreService;

/**
 * The eight topics the score is computed from (jobsuccess.inbound.topics), read by the service's one consumer
 * (commons' {@link dev.jobsuccess.commons.inbound.InboundConsumer}). They share their key (the freelancerId) and their
 * partition count, so one partition number carries one set of freelancers on every topic, and a group member owns that
 * partition on all of them: one thread applies a freelancer's events, one poll at a time, in partition order (two
 * threads share each poll by partition number, jobsuccess.inbound.apply-threads). No two transactions of the consumer
 * ever lock the same freelancer's rows, so they cannot deadlock. Each thread's part of a poll is one transaction; each
 * touched freelancer is recomputed once per poll.
 */
@ApplicationScoped
public class FactsConsumer implements InboundProcessor<IncomingFact> {

    private static final Map<String, Class<? extends ScoreInput>> MESSAGES = Map.of(
            ContractClosedMessage.TOPIC, ContractClosedMessage.class,
            ContractEarningsAdjustedMessage.TOPIC, ContractEarningsAdjustedMessage.class,
            ContractStartedMessage.TOPIC, ContractStartedMessage.class,
            ContractPaymentRecordedMessage.TOPIC, ContractPaymentRecordedMessage.class,
            FeedbackSubmittedMessage.TOPIC, FeedbackSubmittedMessage.class,
            FeedbackRevealedMessage.TOPIC, FeedbackRevealedMessage.class,
            FeedbackWindowClosedMessage.TOPIC, FeedbackWindowClosedMessage.class,
            ClientFlagChangedMessage.TOPIC, ClientFlagChangedMessage.class);

    /** One reader per topic, made once: looking the type up on each record cost a tenth of the consumer's parsing. */
    private final Map<String, ObjectReader> readers = new HashMap<>();
    private final ScoreService scores;

    FactsConsumer(ObjectMapper json, ScoreService scores) {
        MESSAGES.forEach((topic, type) -> readers.put(topic, json.readerFor(type)));
        this.scores = scores;
    }

    @Override
    public String consumerName() {
        return ScoreService.CONSUMER;
    }

    /** Reads a record of any of the eight topics into the fact it reports; null for a valid event that is no input. */
    @Override
    public InboundEvent<IncomingFact> read(ConsumerRecord<String, String> record) {
        ObjectReader reader = readers.get(record.topic());
        if (reader == null) {
            throw new InvalidEventException("score-service reads no topic " + record.topic());
        }
        IncomingFact fact = EventJson.<ScoreInput>read(reader, record.value()).toFact();
        return fact == null ? null : new InboundEvent<>(record, fact.cause().eventId(), fact.cause().eventType(), fact);
    }

    @Override
    public List<Rejection> apply(List<InboundEvent<IncomingFact>> events) {
        try {
            return scores.applyBatch(events.stream().map(InboundEvent::payload).toList()).stream()
                    .map(r -> new Rejection(r.index(), r.reason())).toList();
        } catch (FactsUnscorableException e) {
            throw new PoisonedEventsException(e.reasonsByIndex());
        }
    }

    @Override
    public void poisoned(InboundEvent<IncomingFact> event, String reason) {
        String freelancerId = event.key();
        if (!freelancerId.isEmpty()) {
            scores.markStale(freelancerId, event.eventId(), reason);
        }
    }
}
