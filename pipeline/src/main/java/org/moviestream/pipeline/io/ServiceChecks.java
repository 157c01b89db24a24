package org.moviestream.pipeline.io;

import com.datastax.driver.core.KeyspaceMetadata;
import java.time.Duration;
import java.util.List;
import org.moviestream.cql.CassandraConnection;
import org.moviestream.kafka.KafkaTopics;
import org.moviestream.pipeline.options.MovieRatingsOptions;

/** Before the job starts: Kafka and its topics, Cassandra and its tables are there, or a clear error. */
public final class ServiceChecks {

  static final List<String> TABLES = List.of("movie_ratings", "ratings_per_window");

  private ServiceChecks() {}

  public static void require(MovieRatingsOptions options) {
    KafkaTopics.require(options.getBootstrapServers(), List.of(options.getTopic(), options.getDeadLetterTopic()), Duration.ofSeconds(15));
    requireTables(CassandraTarget.from(options));
  }

  static void requireTables(CassandraTarget target) {
    try (CassandraConnection connection = CassandraConnection.open(target.hosts().get(0), target.port())) {
      KeyspaceMetadata keyspace = connection.session().getCluster().getMetadata().getKeyspace(target.keyspace());
      if (keyspace == null) {
        throw new IllegalStateException("keyspace '" + target.keyspace() + "' does not exist (apply cassandra/schema.cql: bin/stack start does)");
      }
      for (String table : TABLES) {
        if (keyspace.getTable(table) == null) {
          throw new IllegalStateException("table " + target.keyspace() + "." + table + " does not exist (apply cassandra/schema.cql)");
        }
      }
    }
  }
}
