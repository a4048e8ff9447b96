package dev.jobsuccess.commons.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.jobsuccess.commons.kafka.KafkaClientSettings;
import dev.jobsuccess.commons.problem.ProblemException;

/**
 * Applies the records of a dead-letter topic again, once the cause is fixed (a bug in the service, data corrected by an
 * operator). They go through the service's one inbound path, as if read from the topic they came from: applied once
 * (the inbox drops one applied before), and back to the dead-letter topic if they still cannot be applied. Nothing is
 * published to the source topic, so a service needs no right to write the topics it reads. Each dead letter is applied
 * once: a consumer group of its own remembers how far the replays got.
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
    private final InboundHandler handler;
    private final Instance<InboundProcessor<?>> processors;

    DeadLetterReplay(InboundConfig config, DeadLetters deadLetters, KafkaClientSettings kafka, InboundHandler handler,
                     Instance<InboundProcessor<?>> processors) {
        this.config = config;
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.handler = handler;
        this.processors = processors;
    }

    /** Applies every dead letter of {@code topic} not replayed before, up to the end the topic had when called. */
    public synchronized Replayed replay(String topic) {
        if (!config.topics().orElse(List.of()).contains(topic) || !processors.isResolvable()) {
            throw ProblemException.badRequest("topic", "must be a topic this service consumes: " + config.topics().orElse(List.of()));
        }
        String deadLetterTopic = deadLetters.topicFor(topic);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(), new StringDeserializer(),
                new StringDeserializer())) {
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
            InboundProcessor<?> processor = processors.get();
            int replayed = 0;
            long deadline = System.nanoTime() + MAX_DURATION.toNanos();
            while (!reachedEnd(consumer, assigned, end) && System.nanoTime() < deadline) {
                List<ConsumerRecord<String, String>> again = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    // As read from its own topic: the reader and the dead letters know it by that name.
                    ConsumerRecord<String, String> asFromSource = new ConsumerRecord<>(topic, record.partition(), record.offset(),
                            record.key(), record.value());
                    asFromSource.headers().add("replayed-from", (deadLetterTopic + "@" + record.partition() + ":"
                            + record.offset()).getBytes(StandardCharsets.UTF_8));
                    again.add(asFromSource);
                    done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                if (again.isEmpty()) {
                    continue;
                }
                apply(processor, again);
                replayed += again.size();
                // Only once applied (or dead-lettered again): a replay that fails half-way resumes where it stopped.
                consumer.commitSync(done);
            }
            LOG.infof("replayed %d dead letters of %s as %s", replayed, deadLetterTopic, topic);
            return new Replayed(topic, deadLetterTopic, replayed);
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not replay " + deadLetterTopic + ": " + e.getMessage(), e);
        }
    }

    private <T> void apply(InboundProcessor<T> processor, List<ConsumerRecord<String, String>> records) {
        handler.handle(processor.consumerName(), records, processor, processor);
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
