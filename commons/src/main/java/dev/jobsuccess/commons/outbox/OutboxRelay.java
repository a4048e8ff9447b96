package dev.jobsuccess.commons.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.jobsuccess.commons.failure.RootCause;
import dev.jobsuccess.commons.kafka.AcknowledgedProducer;
import dev.jobsuccess.commons.kafka.KafkaClientSettings;
import dev.jobsuccess.commons.tracing.TraceHeaders;

/**
 * Sends committed outbox rows to Kafka in commit order and marks them sent.
 *
 * <p>At-least-once: a row is marked sent only after Kafka acknowledged it, so a crash or a broker
 * outage re-sends rather than loses; consumers drop the duplicates by {@code eventId}. A
 * PostgreSQL advisory lock lets only one replica relay at a time, which keeps per-key order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x4a53_4f55_5442_4f58L;

    private final EntityManager em;
    private final OutboxConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final AtomicBoolean brokerDown = new AtomicBoolean(false);
    private final java.util.concurrent.locks.ReentrantLock running = new java.util.concurrent.locks.ReentrantLock();
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean(false);
    private final AtomicBoolean wakeUpPending = new AtomicBoolean(false);
    private final java.util.concurrent.ExecutorService wakeUps = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outbox-wakeup").daemon().factory());
    private final AcknowledgedProducer producer;
    /** Set at shutdown: a round started then would meet a closing database and log a false alarm. */
    private volatile boolean stopping;

    OutboxRelay(EntityManager em, OutboxConfig config, Clock clock, MeterRegistry metrics,
                KafkaClientSettings kafka) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        // Fail a round fast while Kafka is away; the rows simply wait for the next round.
        long timeoutMs = config.sendTimeout().toMillis();
        this.producer = new AcknowledgedProducer(kafka, "outbox-relay", Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeoutMs / 2),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs,
                ProducerConfig.LINGER_MS_CONFIG, 0));
        this.published = Counter.builder("jobsuccess.outbox.published").description("events relayed to Kafka").register(metrics);
        this.failures = Counter.builder("jobsuccess.outbox.relay.failures")
                .description("relay rounds that could not publish (Kafka or the database away); the events wait and are retried")
                .register(metrics);
        metrics.gauge("jobsuccess.outbox.backlog", this, OutboxRelay::backlogForMetrics);
        io.micrometer.core.instrument.Gauge.builder("jobsuccess.outbox.oldest.unsent.age", this, OutboxRelay::oldestUnsentAgeForMetrics)
                .baseUnit("seconds").description("age of the oldest event not yet acknowledged by Kafka (0 when none)")
                .register(metrics);
    }

    /**
     * Asks for a relay round at once, without waiting for the next tick; called after a commit that wrote events.
     * A wake-up that arrives while a round runs makes the wake-up thread run another round right after it, so an
     * event committed during a round never waits for the tick.
     */
    public void wakeUp() {
        if (!config.relayEnabled()) {
            return;
        }
        wakeUpPending.set(true);
        if (wakeUpQueued.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpQueued.set(false);
                while (wakeUpPending.getAndSet(false) && !stopping) {
                    running.lock();
                    try {
                        relayRounds();
                    } finally {
                        running.unlock();
                    }
                }
            });
        }
    }

    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${jobsuccess.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void relayScheduled() {
        if (!config.relayEnabled() || stopping) {
            return;
        }
        // Ticks and wake-ups may overlap; one round at a time is enough and keeps the order.
        if (!running.tryLock()) {
            return;
        }
        try {
            relayRounds();
        } finally {
            running.unlock();
        }
    }

    /** Rounds until the outbox is drained or Kafka fails; the caller holds {@code running}. */
    private void relayRounds() {
        try {
            while (relayBatch() == config.batchSize()) {
                // a full batch means more may be waiting: drain before the next tick
            }
            if (brokerDown.compareAndSet(true, false)) {
                LOG.info("outbox relay: Kafka reachable again, backlog is draining");
            }
        } catch (RuntimeException e) {
            failures.increment();
            if (brokerDown.compareAndSet(false, true)) {
                LOG.warnf("outbox relay: cannot publish (%s); events stay in the outbox and are retried", RootCause.describe(e));
            }
        }
    }

    /** One round: sends up to a batch of unsent events; returns how many were sent. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // The replica's lock and the batch in one round trip: no rows when another replica holds the lock. The lock
            // lives as long as this transaction, so every round of every replica competes for it anew: when the replica
            // that holds it dies, its connection closes, PostgreSQL ends the transaction, and the other replica's next
            // round (at most the poll interval later) takes over. A holder cut off without its connection closing (a
            // partitioned node) loses it once it has idled in the transaction for twice the send timeout plus 5 s: a
            // round waits at most a send timeout for the producer's metadata and another for the acknowledgements, so a
            // live holder is not cut off mid-round (which would only send its batch again). The same
            // statement lets this transaction's commit skip the wait for the disk: a mark lost in a crash only sends its
            // events again, and consumers drop duplicates by eventId.
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    WITH relay AS (SELECT pg_try_advisory_xact_lock(?1) AS locked,
                                          set_config('synchronous_commit', 'off', true) AS no_flush_wait,
                                          set_config('idle_in_transaction_session_timeout', ?3, true) AS holder_gone_after)
                    SELECT seq, event_id, topic, message_key, event_type, payload, traceparent
                    FROM outbox_message, relay WHERE relay.locked AND sent_at IS NULL ORDER BY seq LIMIT ?2""")
                    .setParameter(1, RELAY_LOCK)
                    .setParameter(2, config.batchSize())
                    .setParameter(3, Long.toString(2 * config.sendTimeout().toMillis() + 5000)).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            KafkaProducer<String, String> kafka = producer.get();
            // The topics' metadata first: while the broker is away this fails once, after one send timeout and before
            // anything was sent, where each send of the batch would otherwise block for its own timeout in turn.
            for (Object topic : rows.stream().map(row -> row[2]).distinct().toList()) {
                kafka.partitionsFor((String) topic);
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            long[] seqs = new long[rows.size()];
            int sent = 0;
            for (Object[] row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>((String) row[2], (String) row[3], (String) row[5]);
                record.headers().add("eventId", row[1].toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventType", ((String) row[4]).getBytes(StandardCharsets.UTF_8));
                if (row[6] != null) {
                    // The trace of the request or event that wrote it: the consumers' spans continue it.
                    record.headers().add(TraceHeaders.TRACEPARENT, ((String) row[6]).getBytes(StandardCharsets.UTF_8));
                }
                acks.add(kafka.send(record));
                seqs[sent++] = ((Number) row[0]).longValue();
            }
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            em.createNativeQuery("UPDATE outbox_message SET sent_at = ?1 WHERE seq = ANY (?2)")
                    .setParameter(1, Timestamp.from(clock.instant()))
                    .setParameter(2, seqs)
                    .executeUpdate();
            published.increment(seqs.length);
            return seqs.length;
        });
    }

    /** Deletes sent events older than the retention, so the table stays small. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeSent() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "DELETE FROM outbox_message WHERE sent_at IS NOT NULL AND sent_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(config.retention())))
                .executeUpdate());
    }

    /** Events not yet acknowledged by Kafka. */
    public long backlog() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL").getSingleResult()).longValue());
    }

    /** Seconds since the oldest unsent event was written (by the service clock), 0 when every event was sent. */
    public double oldestUnsentAgeSeconds() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // The unsent index gives the first row by seq, which is the oldest written.
            @SuppressWarnings("unchecked")
            List<Object> oldest = em.createNativeQuery(
                    "SELECT created_at FROM outbox_message WHERE sent_at IS NULL ORDER BY seq LIMIT 1").getResultList();
            if (oldest.isEmpty()) {
                return 0.0;
            }
            java.time.Instant created = oldest.getFirst() instanceof Timestamp t ? t.toInstant()
                    : oldest.getFirst() instanceof java.time.OffsetDateTime o ? o.toInstant() : (java.time.Instant) oldest.getFirst();
            return Math.max(0, java.time.Duration.between(created, clock.instant()).toMillis() / 1000.0);
        });
    }

    private double oldestUnsentAgeForMetrics() {
        try {
            return oldestUnsentAgeSeconds();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private double backlogForMetrics() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @PreDestroy
    void close() {
        wakeUps.shutdownNow();
        producer.close();
    }
}
