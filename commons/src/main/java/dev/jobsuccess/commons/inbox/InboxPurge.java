package dev.jobsuccess.commons.inbox;

import java.sql.Timestamp;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes inbox rows older than {@code jobsuccess.inbox.retention}, which outlasts the topics' retention: by then Kafka
 * can no longer deliver the event again, so its row no longer protects anything. Batches of
 * {@code jobsuccess.inbox.purge-batch-size}, one short transaction each, so the consumer's inserts never wait long.
 * Several replicas may purge at once: they delete disjoint or already deleted rows, which is harmless.
 */
@ApplicationScoped
public class InboxPurge {

    private static final Logger LOG = Logger.getLogger(InboxPurge.class);

    private final EntityManager em;
    private final Clock clock;
    private final InboxConfig config;
    private final Counter purged;

    InboxPurge(EntityManager em, Clock clock, InboxConfig config, MeterRegistry metrics) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.purged = Counter.builder("jobsuccess.inbox.purged").description("inbox rows deleted after the retention")
                .register(metrics);
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeScheduled() {
        long deleted = purge();
        if (deleted > 0) {
            LOG.infof("inbox: %d rows older than %s purged", deleted, config.retention());
        }
    }

    /** Deletes every row older than the retention, batch by batch; returns how many. */
    public long purge() {
        Timestamp before = Timestamp.from(clock.instant().minus(config.retention()));
        long total = 0;
        while (true) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            DELETE FROM inbox_message WHERE (consumer, event_id) IN (
                                SELECT consumer, event_id FROM inbox_message WHERE processed_at < ?1 LIMIT ?2
                                FOR UPDATE SKIP LOCKED)""")
                    .setParameter(1, before).setParameter(2, config.purgeBatchSize()).executeUpdate());
            total += deleted;
            purged.increment(deleted);
            if (deleted < config.purgeBatchSize()) {
                return total;
            }
        }
    }
}
