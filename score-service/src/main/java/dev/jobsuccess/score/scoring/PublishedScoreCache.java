package dev.jobsuccess.score.scoring;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Score rows as GET /freelancers/{id}/score last read them, for at most {@code jobsuccess.score.read-cache-ttl}.
 * Profiling that endpoint showed most of a request spent around its one primary-key read (a worker thread, a
 * pooled connection, the database round trip), while the same freelancers are read again and again. This replica
 * forgets a freelancer's row when one of its transactions that wrote it ends, so its own reads are never stale;
 * another replica's write shows here within the TTL.
 */
@ApplicationScoped
public class PublishedScoreCache {

    private record Entry(ScoreRow row, long loadedAtNanos) {}

    private final ConcurrentHashMap<String, Entry> rows = new ConcurrentHashMap<>();
    /** Bumped by every forget: a read that overlapped a write is not remembered. */
    private final AtomicLong generation = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;
    private final long ttlNanos;
    private final int capacity;

    PublishedScoreCache(TransactionSynchronizationRegistry transactions,
                        @ConfigProperty(name = "jobsuccess.score.read-cache-ttl", defaultValue = "1s") Duration ttl,
                        @ConfigProperty(name = "jobsuccess.score.read-cache-size", defaultValue = "100000") int capacity) {
        this.transactions = transactions;
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
    }

    /** The remembered row, if remembered and fresh. */
    Optional<ScoreRow> remembered(String freelancerId) {
        Entry entry = rows.get(freelancerId);
        return entry != null && System.nanoTime() - entry.loadedAtNanos() < ttlNanos ? Optional.of(entry.row())
                : Optional.empty();
    }

    /** Reads through: the remembered row, or the loaded one (remembered unless a write overlapped the load). */
    Optional<ScoreRow> read(String freelancerId, Supplier<Optional<ScoreRow>> load) {
        Optional<ScoreRow> hit = remembered(freelancerId);
        if (hit.isPresent()) {
            return hit;
        }
        long before = generation.get();
        long loadedAt = System.nanoTime();
        Optional<ScoreRow> loaded = load.get();
        if (loaded.isPresent() && ttlNanos > 0 && generation.get() == before) {
            if (rows.size() >= capacity) {
                rows.clear();
            }
            rows.put(freelancerId, new Entry(loaded.get(), loadedAt));
        }
        return loaded;
    }

    /** Forgets the freelancers' rows when the current transaction ends (committed or not). */
    void forgetAfterTransaction(Collection<String> freelancerIds) {
        List<String> ids = List.copyOf(freelancerIds);
        forget(ids);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forget(ids);
            }
        });
    }

    private void forget(Collection<String> freelancerIds) {
        generation.incrementAndGet();
        freelancerIds.forEach(rows::remove);
    }
}
