package dev.jobsuccess.commons.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** The idempotency_key table: claims a key inside the effect's transaction, stores its response, purges old keys. */
@ApplicationScoped
class IdempotencyKeys {

    private final EntityManager em;
    private final Clock clock;
    private final IdempotencyConfig config;

    IdempotencyKeys(EntityManager em, Clock clock, IdempotencyConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /**
     * Claims the caller's key for this transaction, or returns the response stored under it. A concurrent request
     * holding the same key makes this insert wait on the primary key until that request's transaction ends: its
     * commit leaves a response to replay, its rollback leaves the key free, and this request runs instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<StoredResponse> claim(String caller, String key, String fingerprint) {
        int inserted = em.createNativeQuery("""
                        INSERT INTO idempotency_key (caller, key, fingerprint, status, created_at) VALUES (?1, ?2, ?3, 0, ?4)
                        ON CONFLICT (caller, key) DO NOTHING""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, Timestamp.from(clock.instant()))
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT fingerprint, status, body, location FROM idempotency_key WHERE caller = ?1 AND key = ?2")
                .setParameter(1, caller).setParameter(2, key).getResultList();
        // The row can only be gone if the purge removed it between the two statements: then it is simply old.
        return rows.stream().findFirst().map(r -> new StoredResponse((String) r[0], ((Number) r[1]).intValue(),
                (String) r[2], (String) r[3]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void complete(String caller, String key, int status, String body, String location) {
        em.createNativeQuery("UPDATE idempotency_key SET status = ?3, body = ?4, location = ?5 WHERE caller = ?1 AND key = ?2")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, status).setParameter(4, body)
                .setParameter(5, location).executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(config.retention())))
                .executeUpdate());
    }
}
