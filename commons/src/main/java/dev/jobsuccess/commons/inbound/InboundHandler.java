package dev.jobsuccess.commons.inbound;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.jobsuccess.commons.failure.RootCause;
import dev.jobsuccess.commons.inbox.Inbox;
import dev.jobsuccess.commons.tracing.InboundTraces;
import dev.jobsuccess.commons.tracing.Tracers;

/**
 * The one inbound path of every service: read and validate each record of a poll, drop the events the inbox has
 * seen, apply the new ones in one transaction that also marks them in the inbox, and dead-letter what can never be
 * applied. Records are applied in the order given (Kafka's partition order), and an event is never applied before
 * an earlier event with the same key.
 *
 * <p>What goes to the dead-letter topic: a record that is unreadable or invalid; an event the service refuses
 * (it contradicts stored state); an event whose application fails on its own data, found by applying the rest of
 * the poll without it and then it alone. Anything else (the database or the broker away, a lock timeout) is
 * transient: the whole poll is retried with a growing delay until it succeeds, so a valid event is never lost.
 */
@ApplicationScoped
public class InboundHandler {

    private static final Logger LOG = Logger.getLogger(InboundHandler.class);
    private static final long FIRST_RETRY_DELAY_MS = 100;
    private static final long MAX_RETRY_DELAY_MS = 30_000;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final Counter retries;
    private final Tracer tracer;

    InboundHandler(Inbox inbox, DeadLetters deadLetters, MeterRegistry metrics, Tracers tracers) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.tracer = tracers.get("dev.jobsuccess.inbound");
        this.retries = Counter.builder("jobsuccess.inbound.retries")
                .description("polls retried after a transient failure").register(metrics);
    }

    /** Handles one poll end to end; returns once every record is applied, refused or dead-lettered. */
    public <T> void handle(String consumer, Iterable<ConsumerRecord<String, String>> records, EventReader<T> reader,
                           InboundApplier<T> applier) {
        List<DeadLetters.DeadLetter> unreadable = new ArrayList<>();
        List<InboundEvent<T>> events = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                InboundEvent<T> event = reader.read(record);
                // A record published twice in one poll is applied once, at its first position.
                if (event != null && ids.add(event.eventId())) {
                    events.add(event);
                }
            } catch (InvalidEventException e) {
                unreadable.add(new DeadLetters.DeadLetter(record, e.getMessage()));
            }
        }
        try (ConsumerSpans spans = new ConsumerSpans(tracer, consumer, events)) {
            InboundTraces.applying(spans.contexts(), () -> {
                applyRetrying(consumer, unreadable, events, applier);
                return null;
            });
        }
    }

    private <T> void applyRetrying(String consumer, List<DeadLetters.DeadLetter> unreadable, List<InboundEvent<T>> events,
                                   InboundApplier<T> applier) {
        long delay = FIRST_RETRY_DELAY_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                List<DeadLetters.DeadLetter> dead = new ArrayList<>(unreadable);
                List<Poisoned<T>> poisoned = applyIsolating(consumer, events, applier, dead);
                deadLetters.send(dead);
                for (Poisoned<T> p : poisoned) {
                    QuarkusTransaction.requiringNew().run(() -> applier.poisoned(p.event(), p.reason()));
                }
                if (attempt > 1) {
                    LOG.infof("%s: poll of %d records applied after %d attempts", consumer, events.size(), attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                retries.increment();
                LOG.warnf("%s: poll of %d records failed (%s); retrying in %d ms", consumer, events.size(), RootCause.describe(e), delay);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delay = Math.min(MAX_RETRY_DELAY_MS, delay * 2);
            }
        }
    }

    private record Poisoned<T>(InboundEvent<T> event, String reason) {}

    /**
     * Applies the events in one transaction; when some are poisoned, applies the others without every event sharing
     * a key with a poisoned one, then those one at a time in their order.
     */
    private <T> List<Poisoned<T>> applyIsolating(String consumer, List<InboundEvent<T>> events, InboundApplier<T> applier,
                                                 List<DeadLetters.DeadLetter> dead) {
        Set<String> isolatedKeys = new HashSet<>();
        boolean isolateAll = false;
        while (!isolateAll) {
            List<InboundEvent<T>> together = events.stream().filter(e -> !isolatedKeys.contains(e.key())).toList();
            try {
                dead.addAll(applyInOneTransaction(consumer, together, applier));
                break;
            } catch (PoisonedEventsException p) {
                int before = isolatedKeys.size();
                p.reasonsByIndex().keySet().forEach(i -> isolatedKeys.add(together.get(i).key()));
                if (isolatedKeys.size() == before) {
                    isolateAll = true;
                }
            } catch (RuntimeException e) {
                if (!isDataError(e)) {
                    throw e;
                }
                // Some event broke a database rule the checks missed; find it by applying one at a time.
                LOG.warnf("%s: poll of %d events failed on its data (%s); applying them one by one", consumer, events.size(),
                        RootCause.describe(e));
                isolateAll = true;
            }
        }
        List<Poisoned<T>> poisoned = new ArrayList<>();
        for (InboundEvent<T> event : events) {
            if (!isolateAll && !isolatedKeys.contains(event.key())) {
                continue;
            }
            String reason;
            try {
                dead.addAll(applyInOneTransaction(consumer, List.of(event), applier));
                continue;
            } catch (PoisonedEventsException p) {
                reason = p.reasonsByIndex().values().iterator().next();
            } catch (RuntimeException e) {
                if (!isDataError(e)) {
                    throw e;
                }
                reason = RootCause.describe(e);
            }
            dead.add(new DeadLetters.DeadLetter(event.record(), reason));
            poisoned.add(new Poisoned<>(event, reason));
        }
        return poisoned;
    }

    /** Mark in the inbox (which says what is new), apply, take back the refused: one transaction. */
    private <T> List<DeadLetters.DeadLetter> applyInOneTransaction(String consumer, List<InboundEvent<T>> events,
                                                                   InboundApplier<T> applier) {
        if (events.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> claimed = inbox.claim(consumer, events.stream().map(e -> new Inbox.Entry(e.eventId(), e.eventType())).toList());
            List<InboundEvent<T>> fresh = claimed.size() == events.size() ? events
                    : events.stream().filter(e -> claimed.contains(e.eventId())).toList();
            if (fresh.isEmpty()) {
                return List.<DeadLetters.DeadLetter>of();
            }
            List<InboundApplier.Rejection> rejections;
            try {
                rejections = applier.apply(fresh);
            } catch (PoisonedEventsException p) {
                // Re-index from the fresh events to the events given, which the caller knows.
                Map<Integer, String> byIndex = new HashMap<>();
                p.reasonsByIndex().forEach((i, reason) -> byIndex.put(events.indexOf(fresh.get(i)), reason));
                throw new PoisonedEventsException(byIndex);
            }
            List<DeadLetters.DeadLetter> refused = new ArrayList<>();
            List<UUID> unapplied = new ArrayList<>();
            for (InboundApplier.Rejection rejection : rejections) {
                InboundEvent<T> event = fresh.get(rejection.index());
                unapplied.add(event.eventId());
                refused.add(new DeadLetters.DeadLetter(event.record(), rejection.reason()));
            }
            inbox.release(consumer, unapplied);
            return refused;
        });
    }

    /**
     * A failure caused by the event's own data (SQLSTATE class 22 data exception, 23 integrity violation), which a
     * retry cannot fix, as opposed to a connection, lock or server problem, which it can. A unique violation is a
     * concurrent insert of the same row (two replicas during a rebalance): a retry finds the row and succeeds.
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
}
