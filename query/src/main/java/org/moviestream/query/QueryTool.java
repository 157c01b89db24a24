package org.moviestream.query;

import org.moviestream.cli.Cli;
import org.moviestream.cli.Version;
import picocli.CommandLine.Command;

/**
 * bin/query: answers the movie-stream questions from Cassandra and prints aligned tables; its
 * {@code cql} command is a minimal cqlsh, its {@code topics} command a minimal kafka-topics.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "Ask movie-stream's Cassandra tables the usual questions.",
    subcommands = {
      AvgDurationCommand.class,
      MoviesCommand.class,
      WindowsCommand.class,
      TrendingCommand.class,
      CountCommand.class,
      WaitCommand.class,
      DeadLettersCommand.class,
      CqlCommand.class,
      SchemaCommand.class,
      TopicsCommand.class,
      LoginsCommand.class
    })
public final class QueryTool {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line ({@link org.moviestream.cli.Exit}); 3 when {@code wait} timed out. */
  public static int run(String... args) {
    return Cli.run("query", new QueryTool(), args);
  }
}
