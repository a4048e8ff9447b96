import java.io.FileReader;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates the system's topics with one partition count (bin/infra runs it with java's source launcher and the broker's
 * jars). Every topic the score reads is keyed by freelancerId with the same count, so a freelancer's partition number is
 * the same on all of them. Topics that exist are left as they are, with a warning when their count differs.
 * Usage: java -cp 'lib/*' CreateTopics.java <admin-client.properties> <partitions> <topic>...
 * (the properties name the broker and the admin principal's SASL settings, as bin/infra writes them).
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        Properties client = new Properties();
        try (FileReader in = new FileReader(args[0])) {
            client.load(in);
        }
        int partitions = Integer.parseInt(args[1]);
        List<String> topics = List.of(args).subList(2, args.length);
        try (Admin admin = Admin.create(client)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            var described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            described.forEach((name, d) -> {
                if (d.partitions().size() != partitions) {
                    System.err.printf("warning: topic %s has %d partitions, not %d (KAFKA_PARTITIONS); "
                            + "bin/down --infra and delete .local/kafka/data to start afresh%n", name, d.partitions().size(), partitions);
                }
            });
            System.out.printf("topics: %d created, %d present, %d partitions each%n", missing.size(),
                    topics.size() - missing.size(), partitions);
        }
    }
}
