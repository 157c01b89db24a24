package org.moviestream.pipeline;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.apache.beam.sdk.PipelineResult;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.moviestream.pipeline.io.ConsumerGroupOffsets;
import org.moviestream.pipeline.io.ResumePoint;
import org.moviestream.pipeline.metrics.ProgressReporter;
import org.moviestream.pipeline.options.MovieRatingsOptions;

/**
 * Watches a running job: prints a progress line every few seconds (saying when Kafka or Cassandra
 * cannot be reached), and on Ctrl-C, SIGTERM or --runSeconds stops it in one line.
 *
 * <p>Stopping does not wait for Spark: its own stop can deadlock (StreamingContext.stop waits for the
 * DStreamGraph lock that the job generator holds while it waits for a read that never runs once
 * the context stops). It needs no waiting either: an offset is committed only once its message is
 * durable, so ending the JVM at any moment loses nothing, and a restart resumes at the committed
 * offsets. The stop line says where that is.
 */
final class RunMonitor {

  private final PipelineResult result;
  private final MovieRatingsOptions options;

  RunMonitor(PipelineResult result, MovieRatingsOptions options) {
    this.result = result;
    this.options = options;
  }

  /** Blocks until the job ends or is stopped; returns 0 when it ended cleanly, 1 when it failed. */
  int awaitEnd() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop("stopping on a signal"), "pipeline-stop"));
    int runSeconds = options.getRunSeconds();
    long deadline = runSeconds > 0 ? System.nanoTime() + runSeconds * 1_000_000_000L : Long.MAX_VALUE;
    int tick = options.getProgressSeconds() > 0 ? options.getProgressSeconds() : 5;
    try {
      while (true) {
        PipelineResult.State state = result.waitUntilFinish(org.joda.time.Duration.standardSeconds(tick));
        printProgress();
        if (state != null && state.isTerminal()) {
          System.err.println("Pipeline ended: " + state);
          return state == PipelineResult.State.FAILED ? 1 : 0;
        }
        if (System.nanoTime() >= deadline) {
          stop("ran its --runSeconds=" + runSeconds);
        }
      }
    } catch (PipelineExecutionException e) {
      System.err.println("Pipeline failed: " + rootMessage(e));
      return 1;
    }
  }

  /** Prints where the consumer group stands and ends the JVM at once with exit code 0. */
  private void stop(String why) {
    // Spark's own shutdown hook runs beside this one and logs its teardown as errors: none matter now.
    Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
    String committed;
    try {
      ConsumerGroupOffsets group = new ConsumerGroupOffsets(options.getBootstrapServers(), options.getConsumerGroup(), Duration.ofSeconds(3));
      Map<String, Long> offsets = group.committed(options.getTopic());
      committed = "committed " + ResumePoint.describe(offsets) + String.format(" (%,d messages after them)", group.lag(options.getTopic(), offsets));
    } catch (Exception e) {
      committed = "the committed offsets could not be read (" + e.getMessage() + ")";
    }
    System.err.println("Pipeline stopped, " + why + ": " + committed + "; a restart with the same --consumerGroup resumes there.");
    System.err.flush();
    Runtime.getRuntime().halt(0);
  }

  private void printProgress() {
    if (options.getProgressSeconds() > 0) {
      String line;
      try {
        line = ProgressReporter.line(ProgressReporter.counters(result.metrics()));
      } catch (RuntimeException e) {
        line = "(metrics not available yet: " + e.getMessage() + ")";
      }
      System.err.println(line + waitingFor());
    }
  }

  /** " | waiting for Kafka" and/or Cassandra when their ports do not answer. */
  private String waitingFor() {
    StringBuilder waiting = new StringBuilder();
    String broker = options.getBootstrapServers().split(",")[0].strip();
    int colon = broker.lastIndexOf(':');
    if (!reachable(broker.substring(0, colon), Integer.parseInt(broker.substring(colon + 1)))) {
      waiting.append(" | waiting for Kafka at ").append(broker);
    }
    String cassandra = options.getCassandraHosts().split(",")[0].strip();
    if (!reachable(cassandra, options.getCassandraPort())) {
      waiting.append(" | waiting for Cassandra at ").append(cassandra).append(':').append(options.getCassandraPort());
    }
    return waiting.toString();
  }

  private static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
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
