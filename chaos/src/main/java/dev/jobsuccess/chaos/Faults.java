package dev.jobsuccess.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault schedule, in two lanes that run beside the workload: replicas (kill -9 then restart, SIGSTOP then SIGCONT,
 * alternating, on a random replica whose sibling serves) and infrastructure (broker stop and start, PostgreSQL
 * restart, alternating). Each lane spreads {@code perKind} faults of each of its kinds evenly over the fault phase.
 */
final class Faults {

    /** How long a lane lets the system work after a fault has ended (the broker or a replica serves again). */
    static final Duration RECOVERY = Duration.ofSeconds(5);

    /** Longer than the consumer's session (6 s) and its max poll interval (10 s): the group moves the partitions. */
    static final Duration PAUSE = Duration.ofSeconds(11);

    private final Map<FaultKind, AtomicInteger> active = new EnumMap<>(FaultKind.class);
    private final Map<FaultKind, AtomicInteger> injected = new EnumMap<>(FaultKind.class);
    final Queue<String> log = new ConcurrentLinkedQueue<>();
    final Queue<String> problems = new ConcurrentLinkedQueue<>();
    /** Starts of a replica that exited while starting and was started again (by superviseStart). */
    final AtomicInteger restartedAfterFailedStart = new AtomicInteger();
    private final List<Thread> restarts = Collections.synchronizedList(new ArrayList<>());
    private Cluster cluster;
    private Instant started;

    Faults() {
        for (FaultKind k : FaultKind.values()) {
            active.put(k, new AtomicInteger());
            injected.put(k, new AtomicInteger());
        }
    }

    Set<FaultKind> active() {
        Set<FaultKind> out = EnumSet.noneOf(FaultKind.class);
        active.forEach((k, n) -> {
            if (n.get() > 0) {
                out.add(k);
            }
        });
        return out;
    }

    int injected(FaultKind k) {
        return injected.get(k).get();
    }

    /** Runs both lanes until every scheduled fault is done; then every replica serves again. */
    void run(Cluster cluster, Duration phase, int perKind) throws InterruptedException {
        this.cluster = cluster;
        this.started = Instant.now();
        long period = phase.toMillis() / (2L * perKind);
        Thread replicas = Thread.ofPlatform().name("faults-replicas").start(() -> lane(period, 0, perKind,
                FaultKind.REPLICA_KILL, FaultKind.REPLICA_PAUSE));
        Thread infra = Thread.ofPlatform().name("faults-infra").start(() -> lane(period, period / 2, perKind,
                FaultKind.BROKER_STOP, FaultKind.POSTGRES_RESTART));
        replicas.join();
        infra.join();
        for (Thread t : List.copyOf(restarts)) {
            t.join();
        }
    }

    private void lane(long periodMillis, long offsetMillis, int perKind, FaultKind first, FaultKind second) {
        long t0 = System.nanoTime() + offsetMillis * 1_000_000;
        boolean firstNext = ThreadLocalRandom.current().nextBoolean();
        int a = 0;
        int b = 0;
        for (int i = 0; i < 2 * perKind; i++) {
            long at = t0 + i * periodMillis * 1_000_000;
            long wait = (at - System.nanoTime()) / 1_000_000;
            if (wait > 0) {
                Api.sleep(wait);
            }
            FaultKind kind = (firstNext && a < perKind) || b >= perKind ? first : second;
            if (kind == first) {
                a++;
            } else {
                b++;
            }
            firstNext = !firstNext;
            try {
                inject(kind, i);
            } catch (Exception e) {
                problems.add(kind + " #" + i + " failed: " + e);
            }
            // The system gets a moment of work between two faults of a lane, however late the schedule runs: a slow
            // machine stretches the fault phase rather than turning it into one long outage.
            Api.sleep(RECOVERY.toMillis());
        }
    }

    private void inject(FaultKind kind, int i) throws Exception {
        switch (kind) {
            case REPLICA_KILL -> {
                Cluster.Replica victim = victim();
                begin(kind, victim.name());
                victim.restarting = true;
                victim.kill9();
                Thread t = Thread.ofPlatform().name("restart-" + victim.name()).start(() -> {
                    try {
                        Api.sleep(500 + ThreadLocalRandom.current().nextInt(2_500));
                        superviseStart(victim);
                    } catch (Exception e) {
                        problems.add(victim.name() + " restart failed: " + e);
                    } finally {
                        victim.restarting = false;
                        active.get(kind).decrementAndGet();
                    }
                });
                restarts.add(t);
            }
            case REPLICA_PAUSE -> {
                Cluster.Replica victim = victim();
                begin(kind, victim.name() + " for " + PAUSE.toSeconds() + " s");
                try {
                    victim.sigstop();
                    Thread.sleep(PAUSE.toMillis());
                } finally {
                    victim.sigcont();
                    active.get(kind).decrementAndGet();
                }
            }
            case BROKER_STOP -> {
                boolean hard = injected(kind) % 3 == 2;
                begin(kind, hard ? "kill -9" : "SIGTERM");
                try {
                    cluster.broker.stop(hard);
                    Thread.sleep(1_000 + ThreadLocalRandom.current().nextInt(3_000));
                    cluster.broker.start();
                    if (!cluster.broker.awaitServing(Duration.ofSeconds(300))) {
                        problems.add("the broker did not serve again after stop #" + i);
                    }
                } finally {
                    active.get(kind).decrementAndGet();
                }
            }
            case POSTGRES_RESTART -> {
                boolean immediate = injected(kind) % 4 == 3;
                begin(kind, immediate ? "immediate" : "fast");
                try {
                    cluster.restartPostgres(immediate);
                } finally {
                    active.get(kind).decrementAndGet();
                }
            }
        }
    }

    /**
     * Starts the replica as an orchestrator would: a replica that exits while starting (a service stops when its
     * database refuses it at start, e.g. during a PostgreSQL restart) is started again, up to a bound.
     */
    void superviseStart(Cluster.Replica replica) throws Exception {
        for (int attempt = 1; attempt <= 10; attempt++) {
            replica.start();
            if (replica.awaitReady(Duration.ofSeconds(300))) {
                return;
            }
            if (replica.alive()) {
                break;
            }
            restartedAfterFailedStart.incrementAndGet();
            log.add(String.format("%s exited while starting; started again", replica.name()));
            Thread.sleep(2_000);
        }
        problems.add(replica.name() + " did not become ready after its restart");
    }

    private void begin(FaultKind kind, String detail) {
        active.get(kind).incrementAndGet();
        injected.get(kind).incrementAndGet();
        log.add(String.format("+%5.1fs %s: %s", Duration.between(started, Instant.now()).toMillis() / 1000.0, kind.label, detail));
    }

    /** A random replica that runs and whose sibling serves, so each service keeps one replica up. */
    private Cluster.Replica victim() throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            List<Cluster.Replica> all = new ArrayList<>(cluster.replicas);
            Collections.shuffle(all);
            for (Cluster.Replica r : all) {
                if (r.restarting || r.paused || !r.alive()) {
                    continue;
                }
                Cluster.Replica sibling = cluster.replicas.stream()
                        .filter(o -> o.service.equals(r.service) && o != r).findFirst().orElseThrow();
                if (!sibling.restarting && !sibling.paused && sibling.ready()) {
                    return r;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no replica could be hurt without taking its service down");
    }
}
