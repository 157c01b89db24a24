package org.moviestream.pipeline.run;

import java.util.List;
import org.moviestream.cli.Exit;
import sun.misc.Signal;

/**
 * How a run's JVM ends: exit 0 after a real SIGTERM or SIGINT only. Anything else that ends it runs
 * the shutdown hooks without a signal and is a failure, exit 1: Spark's own {@code System.exit}
 * after an {@code OutOfMemoryError} (52) or another fatal error in a task (50), a library's exit. A
 * supervisor that restarts on failure must see those.
 */
public final class StopSignals {

  /** Ends the JVM with {@code exitCode}, saying {@code why}; never returns. */
  public interface Ending {
    void end(int exitCode, String why);
  }

  private StopSignals() {}

  /** From now on, a signal ends the JVM through {@code ending} with 0, any other exit with 1. */
  public static void install(Ending ending) {
    for (String name : List.of("TERM", "INT")) {
      Signal.handle(
          new Signal(name),
          signal -> ending.end(Exit.OK, "Pipeline stopped, stopping on a signal"));
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    ending.end(
                        Exit.FAILED,
                        "Pipeline failed: the JVM was ended without a signal (Spark ends it so"
                            + " after an OutOfMemoryError or another fatal error in a task: see"
                            + " the lines above)"),
                "pipeline-end"));
  }
}
