package dev.jobsuccess.commons.inbound;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

import dev.jobsuccess.commons.kafka.KafkaClientSettings;

/**
 * The consumer group's lag per topic, as the broker sees it: the records on the topic's partitions past the group's
 * committed offsets (from the earliest record where the group has committed nothing), gauge
 * {@code jobsuccess.consumer.lag{topic}}. Asked of the broker rather than of the consumer, so it keeps telling the truth
 * while the consumer is stuck on a poll or dead. Every replica reports the whole group's lag (the same figure); NaN
 * while the broker cannot be asked.
 */
@ApplicationScoped
public class ConsumerLag {

    private final InboundConfig config;
    private final KafkaClientSettings kafka;
    private final List<String> topics;
    private final Map<String, Double> lagByTopic = new ConcurrentHashMap<>();
    private volatile Admin admin;

    ConsumerLag(InboundConfig config, KafkaClientSettings kafka, MeterRegistry metrics) {
        this.config = config;
        this.kafka = kafka;
        this.topics = config.topics().orElse(List.of());
        for (String topic : topics) {
            lagByTopic.put(topic, Double.NaN);
            Gauge.builder("jobsuccess.consumer.lag", lagByTopic, m -> m.getOrDefault(topic, Double.NaN)).tag("topic", topic)
                    .description("records of the topic not yet applied by the service's consumer group (every 10 s)")
                    .register(metrics);
        }
    }

    @Scheduled(every = "10s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (topics.isEmpty()) {
            return;
        }
        try {
            lagByTopic.putAll(measure());
        } catch (Exception e) {
            topics.forEach(t -> lagByTopic.put(t, Double.NaN));
        }
    }

    /** Each topic's lag, now. */
    public Map<String, Double> measure() throws Exception {
        Admin a = admin();
        Map<String, TopicDescription> described = a.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = a.listConsumerGroupOffsets(config.groupId())
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> {
            TopicPartition tp = new TopicPartition(d.name(), p.partition());
            latest.put(tp, OffsetSpec.latest());
            if (committed.get(tp) == null) {
                earliest.put(tp, OffsetSpec.earliest());
            }
        }));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = a.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = earliest.isEmpty() ? Map.of()
                : a.listOffsets(earliest).all().get(5, TimeUnit.SECONDS);
        Map<String, Double> lag = new HashMap<>();
        topics.forEach(t -> lag.put(t, 0.0));
        ends.forEach((tp, end) -> {
            OffsetAndMetadata done = committed.get(tp);
            long from = done != null ? done.offset() : starts.get(tp).offset();
            lag.merge(tp.topic(), (double) Math.max(0, end.offset() - from), Double::sum);
        });
        return lag;
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafka.with(Map.of(
                            AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000)));
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
