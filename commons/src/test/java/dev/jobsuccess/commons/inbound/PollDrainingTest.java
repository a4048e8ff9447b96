package dev.jobsuccess.commons.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How one batch is gathered: the first poll's records, then what the next polls bring, until a poll brings nothing or
 * the batch holds max-poll-records; each partition's records in their order. The client here is Kafka's own in-memory
 * consumer, each scheduled task standing for a fetch response that arrives before that poll returns.
 */
class PollDrainingTest {

    private static final TopicPartition P0 = new TopicPartition("contract-closed", 0);
    private static final TopicPartition P1 = new TopicPartition("contract-closed", 1);
    private static final Duration WAIT = Duration.ofMillis(20);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private long nextOffset0;
    private long nextOffset1;

    @BeforeEach
    void assign() {
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    }

    @Test
    void gathersWhatArrivesUntilAPollBringsNothing() {
        consumer.schedulePollTask(() -> add(P0, 3));
        consumer.schedulePollTask(() -> { add(P1, 2); add(P0, 1); });
        consumer.schedulePollTask(() -> add(P1, 1));

        ConsumerRecords<String, String> batch = InboundConsumer.pollDraining(consumer, WAIT, WAIT, 100);

        assertEquals(7, batch.count());
        assertEquals(List.of(0L, 1L, 2L, 3L), offsets(batch, P0));
        assertEquals(List.of(0L, 1L, 2L), offsets(batch, P1));
        assertEquals(0, InboundConsumer.pollDraining(consumer, Duration.ZERO, WAIT, 100).count());
    }

    @Test
    void stopsOnceTheBatchHoldsMaxPollRecords() {
        consumer.schedulePollTask(() -> add(P0, 3));
        consumer.schedulePollTask(() -> add(P1, 3));
        consumer.schedulePollTask(() -> add(P0, 2));

        ConsumerRecords<String, String> batch = InboundConsumer.pollDraining(consumer, WAIT, WAIT, 5);

        // The second poll took it past five; the third fetch is left for the next batch.
        assertEquals(6, batch.count());
        ConsumerRecords<String, String> next = InboundConsumer.pollDraining(consumer, WAIT, WAIT, 5);
        assertEquals(List.of(3L, 4L), offsets(next, P0));
    }

    @Test
    void anEmptyFirstPollIsTheBatch() {
        assertEquals(0, InboundConsumer.pollDraining(consumer, Duration.ZERO, WAIT, 100).count());
    }

    private void add(TopicPartition partition, int count) {
        for (int i = 0; i < count; i++) {
            long offset = partition.equals(P0) ? nextOffset0++ : nextOffset1++;
            consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                    "key-" + partition.partition(), "{}"));
        }
    }

    private static List<Long> offsets(ConsumerRecords<String, String> batch, TopicPartition partition) {
        return batch.records(partition).stream().map(ConsumerRecord::offset).toList();
    }
}
