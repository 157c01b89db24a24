package org.moviestream.query;

import org.moviestream.cassandra.CassandraConnection;
import org.moviestream.cassandra.CassandraOptions;
import picocli.CommandLine.Mixin;

/** What every query does with the Cassandra options: connect, check the keyspace, print rows. */
final class CassandraQueries {

  @Mixin CassandraOptions options;

  String keyspace() {
    return options.keyspace();
  }

  CassandraConnection connect() {
    return CassandraConnection.open(options.settings());
  }

  /**
   * Runs one query with bound {@code values} ({@code %s} in {@code cql} stands for the keyspace)
   * and prints its rows.
   */
  void printTable(String cql, Object... values) {
    try (CassandraConnection connection = connectToKeyspace()) {
      System.out.println(
          ResultTable.of(connection.session().execute(String.format(cql, keyspace()), values))
              .render());
    }
  }

  /** Connects and checks that the keyspace exists, with a hint on how to create it if not. */
  CassandraConnection connectToKeyspace() {
    CassandraConnection connection = connect();
    if (connection.session().getMetadata().getKeyspace(keyspace()).isEmpty()) {
      connection.close();
      throw new IllegalStateException(
          "keyspace '"
              + keyspace()
              + "' does not exist (bin/stack start applies cassandra/schema.cql)");
    }
    return connection;
  }
}
