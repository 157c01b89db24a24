package org.moviestream.query;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.moviestream.cassandra.SeedQuestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** query avg-duration: the first question of cassandra/queries.cql. */
@Command(
    name = "avg-duration",
    mixinStandardHelpOptions = true,
    description = "Average runtime (minutes) of the movies a person rated in [--from, --to).")
final class AvgDurationCommand implements Callable<Integer> {

  @Mixin CassandraQueries cassandra;

  @Mixin PersonOption person;

  @Option(
      names = "--from",
      required = true,
      converter = Timestamps.InstantConverter.class,
      description = "start, inclusive (e.g. 2025-03-13)")
  Instant from;

  @Option(
      names = "--to",
      required = true,
      converter = Timestamps.InstantConverter.class,
      description = "end, exclusive (e.g. 2025-03-20T00:00:00Z)")
  Instant to;

  @Override
  public Integer call() {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("--to (" + to + ") must be after --from (" + from + ")");
    }
    cassandra.printTable(SeedQuestions.AVG_DURATION, person.name, from, to);
    return 0;
  }
}
