package dev.jobsuccess.commons.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * How a poll is shared between apply threads: by partition number, so partition i of every topic (the same keys) goes
 * to the same thread, each partition's records in their order.
 */
class ApplySplitTest {

    private static final List<String> TOPICS = List.of("contract-closed", "feedback-submitted", "client-flag-changed");

    @Test
    void partitionNumberDecidesTheThreadOnEveryTopic() {
        ConsumerRecords<String, String> poll = poll(12, 5);
        List<List<ConsumerRecord<String, String>>> parts = InboundConsumer.split(poll, 2);
        assertEquals(2, parts.size());
        for (int thread = 0; thread < 2; thread++) {
            for (ConsumerRecord<String, String> record : parts.get(thread)) {
                assertEquals(thread, record.partition() % 2, record.toString());
                assertEquals("key-" + record.partition(), record.key());
            }
        }
        assertEquals(poll.count(), parts.get(0).size() + parts.get(1).size());
        // Each partition's records keep their order within their thread's part.
        for (List<ConsumerRecord<String, String>> part : parts) {
            Map<TopicPartition, Long> last = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : part) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long before = last.put(partition, record.offset());
                assertEquals(before == null ? 0 : before + 1, record.offset());
            }
        }
    }

    @Test
    void oneThreadOrOnePartitionNumberMakesOnePart() {
        assertEquals(List.of(InboundConsumer.split(poll(12, 3), 1).getFirst().size()), List.of(poll(12, 3).count()));
        Map<TopicPartition, List<ConsumerRecord<String, String>>> one = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            one.put(new TopicPartition(topic, 7), records(topic, 7, 4));
        }
        assertEquals(1, InboundConsumer.split(new ConsumerRecords<>(one, Map.of()), 2).size());
    }

    private static ConsumerRecords<String, String> poll(int partitions, int perPartition) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> records = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            for (int p = 0; p < partitions; p++) {
                records.put(new TopicPartition(topic, p), records(topic, p, perPartition));
            }
        }
        return new ConsumerRecords<>(records, Map.of());
    }

    private static List<ConsumerRecord<String, String>> records(String topic, int partition, int count) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        for (int offset = 0; offset < count; offset++) {
            out.add(new ConsumerRecord<>(topic, partition, offset, "key-" + partition, "{}"));
        }
        return out;
    }
}
