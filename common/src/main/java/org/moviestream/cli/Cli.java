package org.moviestream.cli;

import static org.moviestream.cli.Exit.USAGE;
import static org.moviestream.cli.Exit.codeFor;

import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/** The picocli tools' way to run: {@link Exit}'s rule, every error one line. */
public final class Cli {

  private Cli() {}

  /**
   * Runs a picocli {@code command} on {@code args} under this rule, errors said in one line as
   * "{@code program}: message".
   */
  public static int run(String program, Object command, String... args) {
    return run(program, command, () -> false, args);
  }

  /** As {@link #run(String, Object, String...)}; when {@code verbose} says so, with the trace. */
  public static int run(String program, Object command, BooleanSupplier verbose, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setParameterExceptionHandler(
        (error, arguments) -> {
          error
              .getCommandLine()
              .getErr()
              .println(program + ": " + error.getMessage() + " (see --help)");
          return USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (error, cmd, parsed) -> {
          cmd.getErr().println(program + ": " + error.getMessage());
          if (verbose.getAsBoolean()) {
            error.printStackTrace(cmd.getErr());
          }
          return codeFor(error);
        });
    return commandLine.execute(args);
  }
}
