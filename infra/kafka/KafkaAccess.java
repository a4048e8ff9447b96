import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Makes the broker's users and ACLs what the repository says (bin/infra runs it with java's source launcher and the
 * broker's jars, as the admin principal): every principal of the ACL file gets a SCRAM-SHA-512 credential with the
 * password in the environment variable KAFKA_&lt;PRINCIPAL&gt;_PASSWORD (e.g. KAFKA_SCORE_SERVICE_PASSWORD), exactly
 * the file's ACLs, and none of its other ACLs. Passwords never appear on the command line.
 * Usage: java -cp 'lib/*' KafkaAccess.java <admin-client.properties> <acls.txt>
 */
public class KafkaAccess {

    public static void main(String[] args) throws Exception {
        Properties client = new Properties();
        try (FileReader in = new FileReader(args[0])) {
            client.load(in);
        }
        Set<AclBinding> wanted = new LinkedHashSet<>();
        Set<String> principals = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length != 5) {
                throw new IllegalArgumentException("not 'principal operation resource pattern name': " + line);
            }
            principals.add(f[0]);
            wanted.add(new AclBinding(
                    new ResourcePattern(ResourceType.fromString(f[2].toUpperCase(Locale.ROOT)), f[4],
                            PatternType.fromString(f[3].toUpperCase(Locale.ROOT))),
                    new AccessControlEntry("User:" + f[0], "*", AclOperation.fromString(f[1].toUpperCase(Locale.ROOT)),
                            AclPermissionType.ALLOW)));
        }
        for (AclBinding b : wanted) {
            if (b.isUnknown()) {
                throw new IllegalArgumentException("unknown operation, resource or pattern in " + b);
            }
        }
        try (Admin admin = Admin.create(client)) {
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (String p : principals) {
                String variable = "KAFKA_" + p.toUpperCase(Locale.ROOT).replace('-', '_') + "_PASSWORD";
                String password = System.getenv(variable);
                if (password == null || password.isBlank()) {
                    throw new IllegalStateException(variable + " is not set");
                }
                users.add(new UserScramCredentialUpsertion(p, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
            }
            admin.alterUserScramCredentials(new ArrayList<>(users)).all().get(30, TimeUnit.SECONDS);

            Set<AclBinding> present = new LinkedHashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
            List<AclBinding> missing = wanted.stream().filter(b -> !present.contains(b)).toList();
            List<AclBindingFilter> stale = present.stream()
                    .filter(b -> principals.contains(b.entry().principal().substring("User:".length())) && !wanted.contains(b))
                    .map(AclBinding::toFilter).toList();
            admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
            }
            Map<String, Integer> perPrincipal = new HashMap<>();
            wanted.forEach(b -> perPrincipal.merge(b.entry().principal(), 1, Integer::sum));
            System.out.printf("access: %d SCRAM users (%s); ACLs: %d added, %d removed, %d in all%n", users.size(),
                    String.join(", ", principals), missing.size(), stale.size(), wanted.size());
        }
    }
}
