package org.moviestream.cassandra;

import org.moviestream.cli.Flags;
import org.moviestream.contract.Defaults;
import picocli.CommandLine.Option;

/**
 * The options of every tool that talks to Cassandra: where the nodes are, how to log in to them,
 * and which keyspace holds the tables.
 */
public final class CassandraOptions {

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
          "Cassandra Java driver config (application.conf): login, TLS, local datacenter, timeouts")
  String configFile;

  @Option(
      names = Flags.KEYSPACE,
      defaultValue = Defaults.KEYSPACE,
      description = "keyspace of the movie-stream tables (default: ${DEFAULT-VALUE})")
  String keyspace;

  /** The nodes and the file's settings; {@link IllegalArgumentException} if it is unusable. */
  public CassandraSettings settings() {
    return CassandraSettings.load(hosts, port, configFile);
  }

  /** The same nodes with the settings of {@code otherConfigFile} (another login, say). */
  public CassandraSettings settings(String otherConfigFile) {
    return CassandraSettings.load(hosts, port, otherConfigFile);
  }

  public String keyspace() {
    return keyspace;
  }
}
