package org.moviestream.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.JaasContext;
import org.moviestream.cassandra.CassandraConnection;
import org.moviestream.cassandra.CassandraSettings;
import org.moviestream.cli.KafkaOptions;
import org.moviestream.contract.Defaults;
import org.moviestream.kafka.KafkaFailures;
import org.moviestream.kafka.KafkaSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * query logins: creates the logins that client config files name, as an administrator: on Kafka a
 * SCRAM user allowed the two topics, consumer groups and the cluster's description; on Cassandra a
 * role allowed to read and write the keyspace. Passwords are read from the files, never from the
 * command line (what bin/stack start --secure does).
 */
@Command(
    name = "logins",
    mixinStandardHelpOptions = true,
    description =
        "Create (or reset) the Kafka user and the Cassandra role of client config files, with grants.")
final class LoginsCommand implements Callable<Integer> {

  @Mixin KafkaOptions kafka;

  @Mixin CassandraQueries cassandra;

  @Option(
      names = "--kafka-login",
      paramLabel = "FILE",
      description = "Kafka client properties whose SCRAM user to create")
  String kafkaLogin;

  @Option(
      names = "--cassandra-login",
      paramLabel = "FILE",
      description = "Cassandra driver config whose role to create")
  String cassandraLogin;

  @Option(
      names = "--superuser",
      description = "the Cassandra role is a superuser (the stack's administrator)")
  boolean superuser;

  @Option(
      names = "--no-grants",
      description = "create the logins without any grant (to try what a missing grant looks like)")
  boolean noGrants;

  @Option(
      names = "--topics",
      split = ",",
      defaultValue = Defaults.RATINGS_TOPIC + "," + Defaults.DEAD_LETTER_TOPIC,
      description = "topics the Kafka user may use (default: ${DEFAULT-VALUE})")
  List<String> topics;

  @Override
  public Integer call() throws Exception {
    if (kafkaLogin != null) {
      createKafkaUser(
          kafka.settings(), KafkaSettings.load(kafka.settings().bootstrapServers(), kafkaLogin));
    }
    if (cassandraLogin != null) {
      createCassandraRole(cassandra.options.settings(cassandraLogin));
    }
    return 0;
  }

  private void createKafkaUser(KafkaSettings admin, KafkaSettings login)
      throws InterruptedException {
    Map<String, Object> client = login.consumer(Map.of(), Map.of());
    Object jaas = client.get(SaslConfigs.SASL_JAAS_CONFIG);
    String mechanism = String.valueOf(client.get(SaslConfigs.SASL_MECHANISM));
    if (jaas == null || !mechanism.startsWith("SCRAM-")) {
      throw new IllegalArgumentException(
          kafkaLogin + " has no SCRAM login (sasl.mechanism=SCRAM-SHA-512 and sasl.jaas.config)");
    }
    List<AppConfigurationEntry> entries =
        JaasContext.loadClientContext(
                Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(String.valueOf(jaas))))
            .configurationEntries();
    String user = JaasContext.configEntryOption(entries, "username", null);
    String password = JaasContext.configEntryOption(entries, "password", null);
    if (user == null || password == null) {
      throw new IllegalArgumentException(
          kafkaLogin + "'s sasl.jaas.config has no username/password");
    }
    try (Admin kafkaAdmin = Admin.create(admin.admin(Map.of(), Map.of()))) {
      kafkaAdmin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user,
                      new ScramCredentialInfo(ScramMechanism.fromMechanismName(mechanism), 8192),
                      password)))
          .all()
          .get(30, TimeUnit.SECONDS);
      if (!noGrants) {
        kafkaAdmin.createAcls(grants("User:" + user)).all().get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      throw KafkaFailures.refused(admin, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Kafka at " + admin.bootstrapServers() + " did not answer", e);
    }
    System.out.println(
        "Kafka user "
            + user
            + " ("
            + mechanism
            + (noGrants ? ", no grants" : ", granted " + String.join(", ", topics) + ", groups")
            + ")");
  }

  /** The topics for everything a client does, any consumer group, the cluster's description. */
  private List<AclBinding> grants(String principal) {
    List<AclBinding> grants = new ArrayList<>();
    for (String topic : topics) {
      grants.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.ALL));
    }
    grants.add(allow(ResourceType.GROUP, "*", principal, AclOperation.ALL));
    grants.add(allow(ResourceType.CLUSTER, "kafka-cluster", principal, AclOperation.DESCRIBE));
    grants.add(
        allow(ResourceType.CLUSTER, "kafka-cluster", principal, AclOperation.IDEMPOTENT_WRITE));
    return grants;
  }

  private static AclBinding allow(
      ResourceType type, String name, String principal, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, PatternType.LITERAL),
        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
  }

  private void createCassandraRole(CassandraSettings login) {
    if (login.username() == null || login.password() == null) {
      throw new IllegalArgumentException(
          cassandraLogin + " has no advanced.auth-provider username and password");
    }
    String role = quotedName(login.username());
    try (CassandraConnection connection = cassandra.connect()) {
      // A role's password cannot be a bind marker; it is quoted as a CQL string literal.
      connection
          .session()
          .execute(
              "CREATE ROLE IF NOT EXISTS "
                  + role
                  + " WITH LOGIN = true AND SUPERUSER = "
                  + superuser
                  + " AND PASSWORD = "
                  + literal(login.password()));
      connection
          .session()
          .execute("ALTER ROLE " + role + " WITH PASSWORD = " + literal(login.password()));
      if (!noGrants && !superuser) {
        for (String permission : List.of("SELECT", "MODIFY")) {
          connection
              .session()
              .execute(
                  "GRANT "
                      + permission
                      + " ON KEYSPACE "
                      + quotedName(cassandra.keyspace())
                      + " TO "
                      + role);
        }
      }
    }
    System.out.println(
        "Cassandra role "
            + login.username()
            + (superuser
                ? " (superuser)"
                : noGrants
                    ? " (no grants)"
                    : " (SELECT, MODIFY on keyspace " + cassandra.keyspace() + ")"));
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String quotedName(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
