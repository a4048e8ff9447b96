package dev.jobsuccess.commons.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A String producer for records that must not be lost or doubled: acknowledged by every in-sync replica, idempotent
 * on retry. Created at first use, so its owner starts while Kafka is away.
 */
public final class AcknowledgedProducer implements AutoCloseable {

    private final Properties properties = new Properties();
    private volatile KafkaProducer<String, String> producer;

    /**
     * @param kafka    how to reach and authenticate to the broker
     * @param settings further producer settings (timeouts, linger)
     */
    public AcknowledgedProducer(KafkaClientSettings kafka, String clientId, Map<String, Object> settings) {
        properties.putAll(kafka.with(Map.of()));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        properties.putAll(settings);
    }

    public KafkaProducer<String, String> get() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    @Override
    public void close() {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
