package org.moviestream.pipeline.run;

import static org.moviestream.pipeline.run.ProgressReporter.get;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.beam.sdk.PipelineResult;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.moviestream.cli.Causes;
import org.moviestream.cli.Exit;
import org.moviestream.contract.JobStatus;
import org.moviestream.contract.PartitionKey;
import org.moviestream.kafka.GroupProgress;
import org.moviestream.pipeline.durability.ConsumerGroupOffsets;
import org.moviestream.pipeline.durability.ResumePoint;
import org.moviestream.pipeline.metrics.MetricsEndpoint;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.metrics.Waits;
import org.moviestream.pipeline.options.MovieRatingsOptions;
import org.moviestream.pipeline.options.OptionsParser;
import org.moviestream.pipeline.shared.JvmResources;

/**
 * Watches a running job: prints a progress line every few seconds, and the same as a {@link
 * JobStatus} line for programs, saying what it waits for (a service that does not answer, a table
 * that is missing, a partition whose commits have not moved for --stuckAfterSeconds while messages
 * wait); ends the JVM in one line on Ctrl-C, SIGTERM or --runSeconds (exit 0) and when the job
 * fails or anything else ends the JVM (exit 1, naming the cause; see {@link StopSignals}).
 *
 * <p>Ending does not wait for Spark: its own stop can deadlock (StreamingContext.stop waits for the
 * DStreamGraph lock that the job generator holds while it waits for a read that never runs once the
 * context stops), and a failed streaming job leaves non-daemon threads that keep a JVM alive doing
 * nothing. It needs no waiting either: an offset is committed only once its message is durable, so
 * ending the JVM at any moment loses nothing, and a restart resumes at the committed offsets. The
 * last line says where that is.
 */
public final class RunMonitor {

  private static final String KAFKA = "kafka";

  private final PipelineResult result;
  private final MovieRatingsOptions options;
  private final AtomicBoolean ending = new AtomicBoolean();
  private final ConsumerGroupOffsets group;
  private final StuckPartitions stuckPartitions;
  private final ClockSkew clockSkew;
  private final NewPartitions newPartitions;
  private final SharedGroup sharedGroup;
  private final ServiceWaits serviceWaits;
  private final MetricsEndpoint metrics;
  private Map<String, Long> committedSeen = Map.of();
  private Map<String, Long> lagSeen = Map.of();
  private GroupProgress progressSeen; // this tick's, null when Kafka did not answer
  private volatile JobStatus lastStatus =
      new JobStatus(JobStatus.RUNNING, 0, 0, 0, 0, 0, List.of());

  /** {@code metrics}, when not null, gets every look the monitor takes. */
  public RunMonitor(
      PipelineResult result,
      MovieRatingsOptions options,
      int partitionsRead,
      MetricsEndpoint metrics) {
    this.result = result;
    this.metrics = metrics;
    this.options = options;
    this.newPartitions =
        new NewPartitions(options.getTopic(), partitionsRead, NewPartitions.UNREAD_LIMIT);
    this.group =
        new ConsumerGroupOffsets(
            OptionsParser.kafka(options), options.getConsumerGroup(), Duration.ofSeconds(3));
    this.stuckPartitions = new StuckPartitions(options.getStuckAfterSeconds());
    this.clockSkew = new ClockSkew(options.getMaxClockSkewSeconds());
    this.sharedGroup = new SharedGroup(options.getConsumerGroup(), options.getJobName());
    this.serviceWaits =
        new ServiceWaits(
            options.getBootstrapServers(), options.getCassandraHosts(), options.getCassandraPort());
  }

  /**
   * Watches the job until it ends or is stopped, then ends the JVM: 0 when stopped or ended
   * cleanly, 1 when it failed.
   */
  public void watch() {
    StopSignals.install(this::end);
    ExecutorLoss.onLoss(why -> end(Exit.FAILED, "Pipeline failed: " + why));
    JvmResources.leaveOpenAtShutdown(); // end() reads the committed offsets through them
    int runSeconds = options.getRunSeconds();
    long deadline =
        runSeconds > 0 ? System.nanoTime() + runSeconds * 1_000_000_000L : Long.MAX_VALUE;
    int tick = options.getProgressSeconds() > 0 ? options.getProgressSeconds() : 5;
    try {
      while (true) {
        PipelineResult.State state =
            result.waitUntilFinish(org.joda.time.Duration.standardSeconds(tick));
        printProgress();
        if (state == PipelineResult.State.FAILED) {
          end(Exit.FAILED, "Pipeline failed (state " + state + ")");
        } else if (state != null && state.isTerminal()) {
          end(Exit.OK, "Pipeline ended (state " + state + ")");
        }
        if (System.nanoTime() >= deadline) {
          end(Exit.OK, "Pipeline stopped, ran its --runSeconds=" + runSeconds);
        }
      }
    } catch (Throwable failure) {
      // The SparkRunner rethrows a failed streaming job's error from waitUntilFinish, not always as
      // a
      // PipelineExecutionException; whatever it is, the job is over.
      end(Exit.FAILED, "Pipeline failed: " + rootMessage(failure));
    }
  }

  /**
   * Prints {@code why}, where the consumer group stands, and the last status line, then halts the
   * JVM with {@code exitCode}. Only the first caller ends it (a failure does not become a "signal"
   * when the shutdown hook runs); a later one waits for that halt.
   */
  private void end(int exitCode, String why) {
    if (!ending.compareAndSet(false, true)) {
      // Another path is ending the JVM and halts it with its code; a shutdown hook returning now
      // would let the JVM exit with the signal's code before that path says where it committed.
      waitForTheHalt();
      return;
    }
    // Spark's own shutdown hook runs beside this one and logs its teardown as errors: none matter
    // now.
    Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
    String committed;
    try {
      Map<String, Long> offsets = group.committed(options.getTopic());
      committed =
          "committed "
              + ResumePoint.describe(offsets)
              + String.format(" (%,d messages after them)", group.lag(options.getTopic(), offsets));
    } catch (Exception e) {
      committed = "the committed offsets could not be read (" + e.getMessage() + ")";
    }
    try {
      RunCheckpoint.delete(options.getCheckpointDir());
    } catch (RuntimeException e) {
      System.err.println(
          "the run's checkpoint directory " + options.getCheckpointDir() + " stays: " + e);
    }
    System.err.println(
        why + ": " + committed + "; a restart with the same --consumerGroup resumes there.");
    System.err.flush();
    JobStatus last = lastStatus;
    System.out.println(
        new JobStatus(
                JobStatus.STOPPED,
                last.read(),
                last.written(),
                last.windows(),
                last.deadLetters(),
                last.committed(),
                last.waitingFor())
            .toLine());
    System.out.flush();
    Runtime.getRuntime().halt(exitCode);
  }

  /**
   * The human progress line on stderr and the same figures as a {@link JobStatus} line on stdout.
   */
  private void printProgress() {
    List<String> waitingFor = waitingFor();
    String line;
    try {
      Map<String, Long> counters = ProgressReporter.counters(result.metrics());
      lookAtNewPartitions(counters);
      String skewed = clockSkew.observe(counters, System.nanoTime());
      if (skewed != null) {
        System.err.println(skewed);
      }
      if (clockSkew.waitingFor() != null) {
        waitingFor.add(clockSkew.waitingFor());
      }
      if (metrics != null) {
        metrics.update(
            new MetricsEndpoint.RunFigures(counters, committedSeen, lagSeen, waitingFor));
      }
      line = ProgressReporter.line(counters);
      lastStatus =
          new JobStatus(
              JobStatus.RUNNING,
              get(counters, PipelineMetrics.READ),
              get(counters, PipelineMetrics.WRITTEN),
              get(counters, PipelineMetrics.WINDOWS_WRITTEN),
              get(counters, PipelineMetrics.DEAD_LETTERS),
              get(counters, PipelineMetrics.COMMITTED),
              waitingFor);
    } catch (RuntimeException e) {
      line = "(metrics not available yet: " + e.getMessage() + ")";
    }
    if (options.getProgressSeconds() == 0) {
      return;
    }
    StringBuilder waiting = new StringBuilder();
    waitingFor.forEach(what -> waiting.append(" | waiting for ").append(what));
    System.err.println(line + waiting);
    System.out.println(lastStatus.toLine());
  }

  /**
   * What the job waits for, each entry starting with what ("kafka", "cassandra", a topic, a
   * partition "topic/partition"), then why.
   */
  private List<String> waitingFor() {
    ServiceWaits.Look services = serviceWaits.look();
    List<String> waiting = new ArrayList<>(services.waitingFor());
    boolean kafkaUp = services.kafkaUp();
    progressSeen = null;
    if (kafkaUp) {
      try {
        // One read of the group and of the log ends a tick, for every use below.
        ConsumerGroupOffsets.Commits commits = group.commits(options.getTopic());
        GroupProgress progress = group.progress(options.getTopic(), commits.offsets());
        Map<String, Long> lag = new TreeMap<>();
        commits
            .offsets()
            .keySet()
            .forEach(
                key -> {
                  GroupProgress.Partition partition =
                      progress.partitions().get(PartitionKey.topicPartition(key).partition());
                  lag.put(key, partition == null ? 0L : partition.lag());
                });
        progressSeen = progress;
        committedSeen = commits.offsets();
        lagSeen = lag;
        waiting.addAll(stuckPartitions(commits.offsets(), lag));
        sharedGroup.observe(commits.jobs()).forEach(System.err::println);
      } catch (Exception e) {
        // Kafka is not answering: the port probe says so.
      }
    }
    return waiting;
  }

  /**
   * Says once that the topic gained partitions while the job ran, and ends the job when one of them
   * holds messages no read has reached for a minute ({@link NewPartitions}).
   */
  private void lookAtNewPartitions(Map<String, Long> counters) {
    if (progressSeen == null) {
      return; // Kafka is not answering: the port probe says so.
    }
    NewPartitions.Look look = newPartitions.observe(progressSeen, counters, System.nanoTime());
    look.lines().forEach(System.err::println);
    if (look.endWhy() != null) {
      end(Exit.FAILED, look.endWhy());
    }
  }

  /**
   * Partitions stuck for --stuckAfterSeconds while messages wait, each logged when found and again
   * while it lasts.
   */
  private List<String> stuckPartitions(Map<String, Long> committed, Map<String, Long> lag) {
    List<String> stuck = new ArrayList<>();
    for (StuckPartitions.Stuck partition :
        stuckPartitions.observe(committed, lag, Waits.held(), System.nanoTime())) {
      stuck.add(partition.description());
      if (partition.log()) {
        System.err.println("STUCK: " + partition.description());
      }
    }
    return stuck;
  }

  private static void waitForTheHalt() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The innermost failure, by its kind and what it says: "Pipeline failed: IOException: ...". */
  private static String rootMessage(Throwable error) {
    return Causes.root(error).getClass().getSimpleName() + ": " + Causes.rootMessage(error);
  }
}
