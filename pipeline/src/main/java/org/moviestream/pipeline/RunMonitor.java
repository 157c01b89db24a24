package org.moviestream.pipeline;

import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.apache.beam.sdk.PipelineResult;
import org.joda.time.Duration;
import org.moviestream.pipeline.metrics.ProgressReporter;

/** Watches a running job: prints a progress line every few seconds, stops it on time or Ctrl-C. */
final class RunMonitor {

  private final PipelineResult result;
  private final int progressSeconds;
  private final int runSeconds;

  RunMonitor(PipelineResult result, int progressSeconds, int runSeconds) {
    this.result = result;
    this.progressSeconds = progressSeconds;
    this.runSeconds = runSeconds;
  }

  /** Blocks until the job ends (or is stopped); returns 0 when it ended cleanly, 1 when it failed. */
  int awaitEnd() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::cancelQuietly, "pipeline-shutdown"));
    long deadline = runSeconds > 0 ? System.nanoTime() + runSeconds * 1_000_000_000L : Long.MAX_VALUE;
    int tick = progressSeconds > 0 ? progressSeconds : 5;
    try {
      while (true) {
        PipelineResult.State state = result.waitUntilFinish(Duration.standardSeconds(tick));
        printProgress();
        if (state != null && state.isTerminal()) {
          System.err.println("Pipeline ended: " + state);
          return state == PipelineResult.State.FAILED ? 1 : 0;
        }
        if (System.nanoTime() >= deadline) {
          System.err.println("Pipeline ran its --runSeconds=" + runSeconds + ": stopping");
          cancelQuietly();
          printProgress();
          return 0;
        }
      }
    } catch (PipelineExecutionException e) {
      System.err.println("Pipeline failed: " + rootMessage(e));
      return 1;
    }
  }

  private void printProgress() {
    if (progressSeconds > 0) {
      try {
        System.err.println(ProgressReporter.line(ProgressReporter.counters(result.metrics())));
      } catch (RuntimeException e) {
        System.err.println("(metrics not available yet: " + e.getMessage() + ")");
      }
    }
  }

  private void cancelQuietly() {
    try {
      if (!result.getState().isTerminal()) {
        result.cancel();
      }
    } catch (Exception e) {
      System.err.println("while stopping the pipeline: " + e.getMessage());
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
