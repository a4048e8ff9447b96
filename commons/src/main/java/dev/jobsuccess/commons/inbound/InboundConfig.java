package dev.jobsuccess.commons.inbound;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's Kafka consumer (none when no topics are configured). */
@ConfigMapping(prefix = "jobsuccess.inbound")
public interface InboundConfig {

    /** The topics it reads; they must share their key and partition count, so one member owns a key on all of them. */
    Optional<List<String>> topics();

    /** The consumer group; replicas of a service share it and split the partitions. */
    @WithDefault("${quarkus.application.name}")
    String groupId();

    /**
     * How many threads apply a poll, each the records of its share of the partition numbers (partition % threads) in a
     * transaction of its own. One thread waits for the database while another computes; a key's events are still applied
     * by one thread, in order, because the topics share their key and partition count.
     */
    @WithDefault("1")
    int applyThreads();

    /** At most this many records are taken in one poll (and applied in one transaction when one thread applies them). */
    @WithDefault("1000")
    int maxPollRecords();

    /**
     * The most one fetch response may carry (Kafka's fetch.max.bytes, default 50 MB). The consumer buffers the responses
     * it prefetches on the heap: with a backlog on many partitions, Kafka's default held tens of MB and score-service ran
     * out of an 80 MB heap (bin/bench pipeline). 4 MB is still several polls of events of about 1 KB.
     */
    @WithDefault("4194304")
    int fetchMaxBytes();

    /** The most one partition adds to a fetch response (Kafka's max.partition.fetch.bytes, default 1 MB); as above. */
    @WithDefault("262144")
    int maxPartitionFetchBytes();

    /**
     * How long one poll waits for records when none are buffered. Records that arrive while a poll is applied are taken
     * together by the next one, so a busy consumer applies large polls and an idle one applies each event at once.
     */
    @WithDefault("100ms")
    Duration pollTimeout();

    /**
     * Once a poll has returned records, how long the consumer may wait in all for the fetch responses on their way before
     * it applies them (it stops at max-poll-records, or at the first wait that brings nothing). Zero applies what is
     * already buffered. A wait keeps polls large with small fetch responses (see fetch-max-bytes): a response the consumer
     * buffers while a poll is applied lives as long as the poll, and with the serial collector's small survivor space
     * it is promoted to the old generation, which only a full collection empties.
     */
    @WithDefault("0s")
    Duration drainWait();

    /**
     * How long a poll may be retried (a database outage) before the broker counts the member as gone and moves its
     * partitions (Kafka's max.poll.interval.ms); the member rejoins when the retry succeeds.
     */
    @WithDefault("10m")
    Duration maxPollInterval();

    /**
     * How long one poll may be retried (or wait, e.g. for a lock) while the consumer still counts as making progress:
     * the documented hour of retries. Past it the consumer's readiness check is DOWN (the retries go on, and it is UP
     * again once the poll is applied); a transient failure shorter than this never takes a pod out of its Service.
     */
    @WithDefault("1h")
    Duration retryWindow();
}
