package dev.jobsuccess.score.messaging;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jobsuccess.score.domain.IncomingFact;
import dev.jobsuccess.score.domain.ScoreService;

/**
 * One polled batch of a topic, end to end: read each record (an unreadable or invalid one is set aside for
 * the dead-letter topic at once), apply the valid ones in one transaction in their partition order, then
 * dead-letter the set-aside ones. Anything else that fails (the database is away, a lock timed out) is
 * thrown, and the consumer's retry runs the whole batch again; events already applied are then duplicates.
 */
@ApplicationScoped
public class BatchProcessor {

    private static final Logger LOG = Logger.getLogger(BatchProcessor.class);

    private final ObjectMapper json;
    private final ScoreService scores;
    private final DeadLetters deadLetters;

    BatchProcessor(ObjectMapper json, ScoreService scores, DeadLetters deadLetters) {
        this.json = json;
        this.scores = scores;
        this.deadLetters = deadLetters;
    }

    public <T extends ScoreInput> void process(ConsumerRecords<String, String> records, Class<T> type) {
        List<DeadLetters.DeadLetter> dead = new ArrayList<>();
        List<IncomingFact> facts = new ArrayList<>();
        List<ConsumerRecord<String, String>> sources = new ArrayList<>();
        // ConsumerRecords iterates partition by partition, each in offset order: one freelancer's events stay in order.
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingFact fact = EventJson.read(json, record.value(), type).toFact();
                if (fact != null) {
                    facts.add(fact);
                    sources.add(record);
                }
            } catch (InvalidEventException e) {
                dead.add(new DeadLetters.DeadLetter(record, e.getMessage()));
            }
        }
        try {
            for (ScoreService.Rejected rejected : scores.applyBatch(facts)) {
                dead.add(new DeadLetters.DeadLetter(sources.get(rejected.index()), rejected.reason()));
            }
        } catch (RuntimeException e) {
            if (!isDataError(e) || facts.size() == 1) {
                if (isDataError(e)) {
                    dead.add(new DeadLetters.DeadLetter(sources.getFirst(), rootMessage(e)));
                } else {
                    throw e;
                }
            } else {
                // Some event's data broke a database rule its checks missed: find it by applying one at a time.
                LOG.warnf("batch of %d %s events failed on its data (%s); applying them one by one", facts.size(),
                        type.getSimpleName(), rootMessage(e));
                for (int i = 0; i < facts.size(); i++) {
                    try {
                        for (ScoreService.Rejected rejected : scores.applyBatch(List.of(facts.get(i)))) {
                            dead.add(new DeadLetters.DeadLetter(sources.get(i), rejected.reason()));
                        }
                    } catch (RuntimeException single) {
                        if (!isDataError(single)) {
                            throw single;
                        }
                        dead.add(new DeadLetters.DeadLetter(sources.get(i), rootMessage(single)));
                    }
                }
            }
        }
        deadLetters.send(dead);
    }

    /**
     * A failure caused by the event's own data (SQLSTATE class 22 data exception, 23 integrity violation),
     * which a retry cannot fix, as opposed to a connection, lock or server problem, which it can. A unique
     * violation is a concurrent insert of the same row (e.g. two replicas storing one client's flag): a retry
     * finds the row and succeeds.
     */
    static boolean isDataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return !UNIQUE_VIOLATION.equals(state) && (state.startsWith("22") || state.startsWith("23"));
            }
        }
        return false;
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
