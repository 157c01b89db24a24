package org.moviestream.pipeline.run;

import java.time.Duration;
import java.util.List;
import org.moviestream.kafka.KafkaTopics;
import org.moviestream.pipeline.cassandra.CassandraTarget;
import org.moviestream.pipeline.cassandra.SchemaCheck;
import org.moviestream.pipeline.options.MovieRatingsOptions;
import org.moviestream.pipeline.options.OptionsParser;

/**
 * Before the job starts: Kafka and both topics, Cassandra, the keyspace and every table and column
 * the job writes are there ({@link SchemaCheck}), or one clear line.
 */
public final class ServiceChecks {

  private ServiceChecks() {}

  public static void require(MovieRatingsOptions options) {
    KafkaTopics.require(
        OptionsParser.kafka(options),
        List.of(options.getTopic(), options.getDeadLetterTopic()),
        Duration.ofSeconds(15));
    SchemaCheck.requireTables(CassandraTarget.from(options));
  }
}
