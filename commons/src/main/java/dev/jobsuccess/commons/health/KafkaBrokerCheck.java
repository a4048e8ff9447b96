package dev.jobsuccess.commons.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.jobsuccess.commons.kafka.KafkaClientSettings;

/** Ready only while the Kafka cluster answers: the outbox relay and the consumers need it. */
@Readiness
@ApplicationScoped
public class KafkaBrokerCheck implements HealthCheck {

    private final KafkaClientSettings kafka;
    private final String bootstrapServers;
    private volatile Admin admin;

    KafkaBrokerCheck(KafkaClientSettings kafka) {
        this.kafka = kafka;
        this.bootstrapServers = kafka.bootstrapServers();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes().get(3, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("nodes", nodes).withData("bootstrap", bootstrapServers)
                    .withData("principal", kafka.principal()).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down().withData("bootstrap", bootstrapServers)
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(kafka.with(Map.of(
                            AdminClientConfig.CLIENT_ID_CONFIG, "health-check",
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000)));
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
