package org.moviestream.query;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * bin/query: answers the movie-stream questions from Cassandra and prints aligned tables; its
 * {@code cql} command is a minimal cqlsh, its {@code topics} command a minimal kafka-topics.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
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
      TopicsCommand.class
    })
public final class QueryTool {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line; 0 done, 1 a service failed, 2 bad input, 3 (wait) timed out. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new QueryTool());
    commandLine.setParameterExceptionHandler(
        (error, arguments) -> {
          error.getCommandLine().getErr().println("query: " + error.getMessage() + " (see --help)");
          return 2;
        });
    commandLine.setExecutionExceptionHandler(
        (error, cmd, parsed) -> {
          cmd.getErr().println("query: " + error.getMessage());
          return error instanceof IllegalArgumentException ? 2 : 1;
        });
    return commandLine.execute(args);
  }
}
