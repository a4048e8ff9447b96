package dev.jobsuccess.contract.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start with a connection pool that worker threads can exhaust among themselves.
 *
 * <p>A command on a contract with due timers holds two connections at once: its own transaction's (opened by the
 * idempotency key's claim, or by its first query) and the timers' transaction, which runs on its own so that a broken
 * timer rolls back alone. If every worker held its first connection while waiting for a second, none would get one
 * until the pool's acquisition timeout. So the pool must hold two per worker, plus the few that the scheduler's timer
 * pass, the outbox relay and the health check use.
 */
@ApplicationScoped
public class ConnectionBudget {

    /** Connections used outside requests: the timer pass, the outbox relay, the idempotency purge, the health check. */
    static final int BACKGROUND_CONNECTIONS = 4;

    void check(@Observes StartupEvent start,
               @ConfigProperty(name = "quarkus.datasource.jdbc.max-size") int poolSize,
               @ConfigProperty(name = "quarkus.thread-pool.max-threads") int workerThreads) {
        int needed = 2 * workerThreads + BACKGROUND_CONNECTIONS;
        if (poolSize < needed) {
            throw new IllegalStateException("DB_POOL_MAX (quarkus.datasource.jdbc.max-size) is " + poolSize + " but must be at "
                    + "least 2 x WORKER_THREADS + " + BACKGROUND_CONNECTIONS + " = " + needed + ": a command on a contract with "
                    + "due timers holds two connections, and workers waiting for a second one would exhaust the pool. "
                    + "Raise DB_POOL_MAX or lower WORKER_THREADS.");
        }
    }
}
