package org.moviestream.query;

import com.datastax.driver.core.KeyspaceMetadata;
import org.moviestream.cassandra.CassandraConnection;
import org.moviestream.cassandra.CassandraSettings;
import org.moviestream.cli.Flags;
import org.moviestream.contract.Defaults;
import picocli.CommandLine.Option;

/** The options every query shares: where Cassandra is and which keyspace holds the tables. */
final class CassandraOptions {

  @Option(
      names = {Flags.CASSANDRA_HOSTS, Flags.CASSANDRA_HOST},
      defaultValue = Defaults.CASSANDRA_HOST,
      description = "Cassandra contact points, comma-separated (default: ${DEFAULT-VALUE})")
  String hosts;

  @Option(
      names = Flags.CASSANDRA_PORT,
      defaultValue = Defaults.CASSANDRA_PORT_TEXT,
      description = "Cassandra native port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(
      names = Flags.CASSANDRA_CONFIG,
      paramLabel = "FILE",
      description =
          "Cassandra Java driver config (application.conf): login, TLS truststore, local datacenter")
  String configFile;

  @Option(
      names = Flags.KEYSPACE,
      defaultValue = Defaults.KEYSPACE,
      description = "keyspace of the movie-stream tables (default: ${DEFAULT-VALUE})")
  String keyspace;

  CassandraConnection connect() {
    return CassandraConnection.open(CassandraSettings.load(hosts, port, configFile));
  }

  /**
   * Runs one query with bound {@code values} ({@code %s} in {@code cql} stands for the keyspace)
   * and prints its rows.
   */
  void printTable(String cql, Object... values) {
    try (CassandraConnection connection = connectToKeyspace()) {
      System.out.println(
          ResultTable.of(connection.session().execute(String.format(cql, keyspace), values))
              .render());
    }
  }

  /** Connects and checks that the keyspace exists, with a hint on how to create it if not. */
  CassandraConnection connectToKeyspace() {
    CassandraConnection connection = connect();
    KeyspaceMetadata metadata =
        connection.session().getCluster().getMetadata().getKeyspace(keyspace);
    if (metadata == null) {
      connection.close();
      throw new IllegalStateException(
          "keyspace '"
              + keyspace
              + "' does not exist (bin/stack start applies cassandra/schema.cql)");
    }
    return connection;
  }
}
