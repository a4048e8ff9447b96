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

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.HealthGroup;

import dev.jobsuccess.commons.kafka.KafkaClientSettings;

/**
 * Whether the Kafka cluster answers, at {@code /q/health/group/kafka} and as the gauge {@code jobsuccess.kafka.reachable}
 * (1 or 0). Not part of readiness: a broker outage must not take every pod out of its Service, since writes go on
 * succeeding into the outbox and are published once the broker is back.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class KafkaBrokerCheck implements HealthCheck {

    private final KafkaClientSettings kafka;
    private final String bootstrapServers;
    private volatile Admin admin;

    private volatile boolean reachable;

    KafkaBrokerCheck(KafkaClientSettings kafka, MeterRegistry metrics) {
        this.kafka = kafka;
        this.bootstrapServers = kafka.bootstrapServers();
        Gauge.builder("jobsuccess.kafka.reachable", this, c -> c.reachable ? 1 : 0)
                .description("1 while the Kafka cluster answered the last check (every 15 s), else 0").register(metrics);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        call();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes().get(3, TimeUnit.SECONDS).size();
            reachable = true;
            return HealthCheckResponse.named("kafka").up().withData("nodes", nodes).withData("bootstrap", bootstrapServers)
                    .withData("principal", kafka.principal()).build();
        } catch (Exception e) {
            reachable = false;
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
