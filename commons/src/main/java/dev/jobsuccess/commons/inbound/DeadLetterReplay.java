package dev.jobsuccess.commons.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.jobsuccess.commons.kafka.AcknowledgedProducer;
import dev.jobsuccess.commons.kafka.KafkaClientSettings;
import dev.jobsuccess.commons.problem.ProblemException;

/**
 * Sends the records of a dead-letter topic back to the topic they came from, once the cause is fixed (a bug in the
 * service, data corrected by an operator). Each dead letter is replayed once: a consumer group of its own remembers how
 * far the replays got. The service applies a replayed event like any other: once (its inbox drops one applied before),
 * and back to the dead-letter topic if it still cannot be applied.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_DURATION = Duration.ofMinutes(5);

    /** What a replay did. */
    public record Replayed(String topic, String deadLetterTopic, int records) {}

    private final InboundConfig config;
    private final DeadLetters deadLetters;
    private final KafkaClientSettings kafka;

    DeadLetterReplay(InboundConfig config, DeadLetters deadLetters, KafkaClientSettings kafka) {
        this.config = config;
        this.deadLetters = deadLetters;
        this.kafka = kafka;
    }

    /** Replays every dead letter of {@code topic} not replayed before, up to the end the topic had when called. */
    public synchronized Replayed replay(String topic) {
        if (!config.topics().orElse(List.of()).contains(topic)) {
            throw ProblemException.badRequest("topic", "must be a topic this service consumes: " + config.topics().orElse(List.of()));
        }
        String deadLetterTopic = deadLetters.topicFor(topic);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                new StringDeserializer());
             AcknowledgedProducer replayer = new AcknowledgedProducer(kafka, "dead-letter-replay", Map.of())) {
            KafkaProducer<String, String> producer = replayer.get();
            List<PartitionInfo> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return new Replayed(topic, deadLetterTopic, 0);
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(10));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(assigned),
                    Duration.ofSeconds(10));
            for (TopicPartition partition : assigned) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
            }
            int replayed = 0;
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            long deadline = System.nanoTime() + MAX_DURATION.toNanos();
            while (!reachedEnd(consumer, assigned, end) && System.nanoTime() < deadline) {
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    ProducerRecord<String, String> again = new ProducerRecord<>(topic, record.key(), record.value());
                    again.headers().add("replayed-from", (deadLetterTopic + "@" + record.partition() + ":" + record.offset())
                            .getBytes(StandardCharsets.UTF_8));
                    acks.add(producer.send(again));
                    done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                    replayed++;
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                // Only once the topic has them: a replay that fails half-way resumes where it stopped.
                consumer.commitSync(done);
            }
            LOG.infof("replayed %d dead letters of %s to %s", replayed, deadLetterTopic, topic);
            return new Replayed(topic, deadLetterTopic, replayed);
        } catch (ProblemException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + deadLetterTopic, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not replay " + deadLetterTopic + ": " + e.getMessage(), e);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
                                      Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.putAll(kafka.with(Map.of()));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId() + "-dead-letter-replay");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return p;
    }
}
