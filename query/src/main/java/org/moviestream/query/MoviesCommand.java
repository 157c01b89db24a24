package org.moviestream.query;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.moviestream.cassandra.SeedQuestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** query movies: the second question of cassandra/queries.cql. */
@Command(
    name = "movies",
    mixinStandardHelpOptions = true,
    description = "The titles a person rated during one hour, newest first.")
final class MoviesCommand implements Callable<Integer> {

  @Mixin CassandraQueries cassandra;

  @Mixin PersonOption person;

  @Option(
      names = "--hour",
      required = true,
      converter = Timestamps.HourConverter.class,
      description = "the hour, UTC (e.g. 2025-03-13T19)")
  Instant hour;

  @Override
  public Integer call() {
    cassandra.printTable(SeedQuestions.MOVIES_IN_HOUR, person.name, hour, hour.plusSeconds(3600));
    return 0;
  }
}
