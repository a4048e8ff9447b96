package dev.jobsuccess.commons.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.jobsuccess.commons.kafka.KafkaClientSettings;

/**
 * The service's one Kafka consumer: a thread that polls the configured topics, hands each poll to
 * {@link InboundHandler} (one transaction) and commits the poll's offsets once it is applied. What arrived while a poll
 * was applied is already buffered by the client and makes the next poll (up to max-poll-records), with what arrives
 * within {@code drain-wait} (none by default): a busy consumer applies large polls, and an idle one applies each event
 * as it comes. A poll that cannot be applied yet (the database away) is retried by the handler; nothing is committed
 * before it succeeds, so a crash or a rebalance re-delivers it, and the inbox drops what was applied.
 *
 * <p>Offsets are committed asynchronously: the inbox, not the offset, is what keeps an event from being applied twice,
 * so a commit lost in a crash only re-delivers events the inbox drops, while waiting for each commit would hold every
 * next event back by a broker round trip. Before partitions move to another consumer, and at shutdown, the offsets
 * applied so far are committed synchronously.
 */
@ApplicationScoped
@Readiness
public class InboundConsumer implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(InboundConsumer.class);

    private final InboundConfig config;
    private final InboundHandler handler;
    private final Instance<InboundProcessor<?>> processors;
    private final MeterRegistry metrics;
    private final KafkaClientSettings kafka;
    private final Timer polls;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;
    /** The threads beside the consumer's that apply parts of a poll (jobsuccess.inbound.apply-threads); null for one. */
    private ExecutorService appliers;
    private volatile boolean stopping;
    private volatile Instant lastPollAt;
    /** An asynchronous commit failed since the last one that was tried: set by its callback, on the consumer thread. */
    private boolean commitFailed;
    private long lastRecommitAt;
    /** When the poll being applied was taken (null between polls): how long the consumer has been stuck on it. */
    private volatile Instant applyingSince;
    private volatile int assignedPartitions;
    private volatile Throwable failure;
    /** The next offset of each partition whose records were applied; touched by the consumer thread only. */
    private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();

    InboundConsumer(InboundConfig config, InboundHandler handler, Instance<InboundProcessor<?>> processors,
                    MeterRegistry metrics, KafkaClientSettings kafka) {
        this.config = config;
        this.handler = handler;
        this.processors = processors;
        this.metrics = metrics;
        this.kafka = kafka;
        this.polls = Timer.builder("jobsuccess.inbound.polls").description("polls applied, and how long each took")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        List<String> topics = config.topics().orElse(List.of());
        if (topics.isEmpty()) {
            return;
        }
        if (!processors.isResolvable()) {
            throw new IllegalStateException("jobsuccess.inbound.topics is set but there is not exactly one InboundProcessor");
        }
        InboundProcessor<?> processor = processors.get();
        consumer = new KafkaConsumer<>(properties(), new StringDeserializer(), new StringDeserializer());
        new KafkaClientMetrics(consumer).bindTo(metrics);
        if (config.applyThreads() < 1) {
            throw new IllegalStateException("jobsuccess.inbound.apply-threads must be at least 1, not " + config.applyThreads());
        }
        if (config.applyThreads() > 1) {
            appliers = Executors.newFixedThreadPool(config.applyThreads() - 1,
                    Thread.ofPlatform().name("inbound-apply-", 1).daemon().factory());
        }
        thread = Thread.ofPlatform().name("inbound-consumer").daemon().start(() -> run(processor, topics));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        KafkaConsumer<String, String> c = consumer;
        Thread t = thread;
        if (c == null || t == null) {
            return;
        }
        c.wakeup();
        t.interrupt();
        t.join(TimeUnit.SECONDS.toMillis(10));
        if (appliers != null) {
            appliers.shutdownNow();
        }
    }

    private <T> void run(InboundProcessor<T> processor, List<String> topics) {
        try (KafkaConsumer<String, String> c = consumer) {
            c.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Every poll is applied before the next poll is made; hand over its offsets before the partitions go.
                    commitApplied(c, partitions);
                    assignedPartitions = c.assignment().size() - partitions.size();
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    // Too late to commit: their new owner re-delivers, and the inbox drops what was applied.
                    partitions.forEach(applied::remove);
                    assignedPartitions = c.assignment().size() - partitions.size();
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    assignedPartitions = c.assignment().size();
                    LOG.infof("%s: %d partitions assigned (%d in all)", config.groupId(), partitions.size(), assignedPartitions);
                }
            });
            LOG.infof("%s: consuming %s as %s", config.groupId(), topics, kafka.principal());
            try {
                while (!stopping) {
                    ConsumerRecords<String, String> records = pollDraining(c, config.pollTimeout(), config.drainWait(),
                            config.maxPollRecords());
                    lastPollAt = Instant.now();
                    if (records.isEmpty()) {
                        recommitIfFailed(c);
                        continue;
                    }
                    long started = System.nanoTime();
                    applyingSince = lastPollAt;
                    try {
                        apply(processor, records);
                    } finally {
                        applyingSince = null;
                    }
                    commit(c, records);
                    polls.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
            } catch (WakeupException e) {
                if (!stopping) {
                    throw e;
                }
            }
            handOver(c);
        } catch (WakeupException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            if (!stopping) {
                failure = e;
                LOG.error(config.groupId() + ": the consumer stopped; the service is not ready until restarted", e);
            }
        }
    }

    /**
     * Applies a poll: on this thread, or split by partition number between the apply threads, each applying its part
     * like a poll of its own (one transaction, its own retries and dead letters). The topics share their key and
     * partition count, so partition number i of every topic holds the same keys: one thread still applies all of a key's
     * events, in order, and no two threads touch one key's rows. Returns once every part is applied.
     */
    private <T> void apply(InboundProcessor<T> processor, ConsumerRecords<String, String> records) {
        List<List<ConsumerRecord<String, String>>> parts = split(records, config.applyThreads());
        if (parts.size() == 1) {
            handler.handle(processor.consumerName(), parts.getFirst(), processor, processor);
            return;
        }
        List<Future<?>> others = new ArrayList<>();
        for (List<ConsumerRecord<String, String>> part : parts.subList(1, parts.size())) {
            others.add(appliers.submit(() -> handler.handle(processor.consumerName(), part, processor, processor)));
        }
        try {
            handler.handle(processor.consumerName(), parts.getFirst(), processor, processor);
            for (Future<?> other : others) {
                other.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while a poll was applied", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            // A part that failed or was interrupted: the others stop their retries too; the poll is not committed, and is
            // re-delivered (the inbox drops what was applied).
            others.forEach(other -> other.cancel(true));
        }
    }

    /** The poll's records by partition number modulo {@code threads}, each partition's in their order; no empty part. */
    static List<List<ConsumerRecord<String, String>>> split(ConsumerRecords<String, String> records, int threads) {
        List<List<ConsumerRecord<String, String>>> parts = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            parts.add(new ArrayList<>());
        }
        for (TopicPartition partition : records.partitions()) {
            parts.get(partition.partition() % threads).addAll(records.records(partition));
        }
        parts.removeIf(List::isEmpty);
        return parts;
    }

    /**
     * One poll, then what else the client has fetched, in partition order, up to max-poll-records: what is buffered
     * already, and what arrives within {@code drain-wait} of the first records (a trickle never holds them longer).
     */
    static ConsumerRecords<String, String> pollDraining(Consumer<String, String> c, Duration pollTimeout, Duration drainWait,
                                                        int maxPollRecords) {
        ConsumerRecords<String, String> first = c.poll(pollTimeout);
        if (first.isEmpty() || first.count() >= maxPollRecords) {
            return first;
        }
        long deadline = System.nanoTime() + drainWait.toNanos();
        Map<TopicPartition, List<ConsumerRecord<String, String>>> merged = new LinkedHashMap<>();
        int count = add(merged, first);
        while (count < maxPollRecords) {
            ConsumerRecords<String, String> more = c.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (more.isEmpty()) {
                break;
            }
            count += add(merged, more);
        }
        return new ConsumerRecords<>(merged, Map.of());
    }

    private static int add(Map<TopicPartition, List<ConsumerRecord<String, String>>> merged,
                           ConsumerRecords<String, String> records) {
        for (TopicPartition partition : records.partitions()) {
            merged.computeIfAbsent(partition, p -> new ArrayList<>()).addAll(records.records(partition));
        }
        return records.count();
    }

    private void commit(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> list = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(list.getLast().offset() + 1));
        }
        applied.putAll(offsets);
        commitAsync(c, offsets);
    }

    private void commitAsync(KafkaConsumer<String, String> c, Map<TopicPartition, OffsetAndMetadata> offsets) {
        c.commitAsync(offsets, (committed, e) -> {
            if (e != null) {
                // The next poll's commit carries these offsets, or, when no record comes (an idle partition), the next
                // empty poll commits them again (recommitIfFailed): else the group's lag stays above 0 for good.
                commitFailed = true;
                LOG.debugf("%s: asynchronous commit of %d partitions failed: %s", config.groupId(), offsets.size(), e.getMessage());
            }
        });
    }

    /**
     * After a failed commit (the group coordinator moved, e.g. while the broker restarted), commits what was applied on
     * the partitions this member still owns, at most once a second, until a commit succeeds. Found by bin/chaos: a commit
     * that failed on a partition that then stayed idle left the group lagging with every event applied.
     */
    private void recommitIfFailed(KafkaConsumer<String, String> c) {
        long now = System.nanoTime();
        if (!commitFailed || now - lastRecommitAt < TimeUnit.SECONDS.toNanos(1)) {
            return;
        }
        lastRecommitAt = now;
        commitFailed = false;
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : c.assignment()) {
            OffsetAndMetadata offset = applied.get(partition);
            if (offset != null) {
                offsets.put(partition, offset);
            }
        }
        if (!offsets.isEmpty()) {
            commitAsync(c, offsets);
        }
    }

    /** At shutdown: commits what was applied, so the next owner of the partitions starts after it. */
    private void handOver(KafkaConsumer<String, String> c) {
        Thread.interrupted(); // the stop interrupts a retry's wait; the commit must still go out
        commitApplied(c, List.copyOf(applied.keySet()));
    }

    /** Commits, and waits for, what was applied on these partitions. */
    private void commitApplied(KafkaConsumer<String, String> c, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = applied.remove(partition);
            if (offset != null) {
                offsets.put(partition, offset);
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        try {
            c.commitSync(offsets);
        } catch (RuntimeException e) {
            // The group moved the partitions meanwhile: their new owner re-delivers, and the inbox drops the duplicates.
            LOG.warnf("%s: could not commit %d partitions (%s); they will be re-delivered", config.groupId(), offsets.size(),
                    e.getMessage());
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.putAll(kafka.with(Map.of()));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId() + "-" + ProcessHandle.current().pid());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, config.fetchMaxBytes());
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, config.maxPartitionFetchBytes());
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) config.maxPollInterval().toMillis());
        // Range assigns partition i of every subscribed topic to the same member (the topics share their partition count
        // and key), so one member, one thread, applies all of a freelancer's events. Sticky assignors balance partitions
        // one by one and would split a freelancer's topics between replicas.
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        return p;
    }

    /** Whether the consumer's thread runs (or no consumer is configured): false once it died, until a restart. */
    boolean threadAlive() {
        if (config.topics().orElse(List.of()).isEmpty()) {
            return true;
        }
        Thread t = thread;
        return t != null && t.isAlive() && failure == null;
    }

    /**
     * Ready while the consumer can make progress: its thread runs, and no poll has been retried for longer than
     * {@code jobsuccess.inbound.retry-window} (an hour). One stuck event, a lock wait or a database outage shorter than
     * that (the database check reports the outage itself) must not take every replica out of its Service; neither does
     * the broker's absence, during which the consumer simply polls nothing.
     */
    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("inbound-consumer");
        if (config.topics().orElse(List.of()).isEmpty()) {
            return response.up().withData("topics", "none").build();
        }
        Throwable failed = failure;
        Instant since = applyingSince;
        boolean stuck = since != null && Duration.between(since, Instant.now()).compareTo(config.retryWindow()) > 0;
        response.status(threadAlive() && !stuck).withData("group", config.groupId())
                .withData("topics", String.join(",", config.topics().get()))
                .withData("assignedPartitions", assignedPartitions);
        Instant last = lastPollAt;
        if (last != null) {
            response.withData("lastPollAt", last.toString());
        }
        if (since != null) {
            response.withData("applyingSince", since.toString());
        }
        if (stuck) {
            response.withData("error", "one poll has been retried for longer than " + config.retryWindow());
        }
        if (failed != null) {
            response.withData("error", failed.toString());
        }
        return response.build();
    }
}
