package org.moviestream.pipeline;

import static org.moviestream.pipeline.metrics.ProgressReporter.get;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.Pipeline.PipelineExecutionException;
import org.apache.beam.sdk.PipelineResult;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.moviestream.contract.JobStatus;
import org.moviestream.pipeline.io.ConsumerGroupOffsets;
import org.moviestream.pipeline.io.ResumePoint;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.metrics.ProgressReporter;
import org.moviestream.pipeline.options.MovieRatingsOptions;

/**
 * Watches a running job: prints a progress line every few seconds (saying when Kafka or Cassandra
 * cannot be reached) and the same as a {@link JobStatus} line for programs, and on Ctrl-C, SIGTERM
 * or --runSeconds stops it in one line.
 *
 * <p>Stopping does not wait for Spark: its own stop can deadlock (StreamingContext.stop waits for the
 * DStreamGraph lock that the job generator holds while it waits for a read that never runs once
 * the context stops). It needs no waiting either: an offset is committed only once its message is
 * durable, so ending the JVM at any moment loses nothing, and a restart resumes at the committed
 * offsets. The stop line says where that is.
 */
final class RunMonitor {

  private static final String KAFKA = "kafka";
  private static final String CASSANDRA = "cassandra";

  private final PipelineResult result;
  private final MovieRatingsOptions options;
  private volatile JobStatus lastStatus = new JobStatus(JobStatus.RUNNING, 0, 0, 0, 0, 0, List.of());

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
    JobStatus last = lastStatus;
    System.out.println(new JobStatus(JobStatus.STOPPED, last.read(), last.written(), last.windows(), last.deadLetters(),
        last.committed(), List.of()).toLine());
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  /** The human progress line on stderr and the same figures as a {@link JobStatus} line on stdout. */
  private void printProgress() {
    if (options.getProgressSeconds() > 0) {
      List<String> waitingFor = waitingFor();
      String line;
      try {
        Map<String, Long> counters = ProgressReporter.counters(result.metrics());
        line = ProgressReporter.line(counters);
        lastStatus = new JobStatus(JobStatus.RUNNING, get(counters, PipelineMetrics.READ), get(counters, PipelineMetrics.WRITTEN),
            get(counters, PipelineMetrics.WINDOWS_WRITTEN), get(counters, PipelineMetrics.DEAD_LETTERS),
            get(counters, PipelineMetrics.COMMITTED), waitingFor);
      } catch (RuntimeException e) {
        line = "(metrics not available yet: " + e.getMessage() + ")";
      }
      StringBuilder waiting = new StringBuilder();
      if (waitingFor.contains(KAFKA)) {
        waiting.append(" | waiting for Kafka at ").append(broker());
      }
      if (waitingFor.contains(CASSANDRA)) {
        waiting.append(" | waiting for Cassandra at ").append(cassandraHost()).append(':').append(options.getCassandraPort());
      }
      System.err.println(line + waiting);
      System.out.println(lastStatus.toLine());
    }
  }

  /** The services whose ports do not answer: "kafka", "cassandra". */
  private List<String> waitingFor() {
    List<String> waiting = new ArrayList<>();
    String broker = broker();
    int colon = broker.lastIndexOf(':');
    if (!reachable(broker.substring(0, colon), Integer.parseInt(broker.substring(colon + 1)))) {
      waiting.add(KAFKA);
    }
    if (!reachable(cassandraHost(), options.getCassandraPort())) {
      waiting.add(CASSANDRA);
    }
    return waiting;
  }

  private String broker() {
    return options.getBootstrapServers().split(",")[0].strip();
  }

  private String cassandraHost() {
    return options.getCassandraHosts().split(",")[0].strip();
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
