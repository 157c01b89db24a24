package org.moviestream.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.moviestream.testing.Project;
import org.moviestream.testing.StackResources;

/** The two measurements of a system: draining a backlog, and holding a fixed rate. */
final class Measurements {

  private final SystemUnderTest.Context context;
  private final StackResources fixtures;
  private final String run;

  Measurements(SystemUnderTest.Context context, StackResources fixtures, String run) {
    this.context = context;
    this.fixtures = fixtures;
    this.run = run;
  }

  /** Runs the producer jar to the end with {@code args}; fails if it fails. */
  void produce(String topic, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "-jar",
                Project.Jar.PRODUCER.path().toString(),
                "--topic",
                topic,
                "--bootstrap-servers",
                context.bootstrapServers(),
                "--seed",
                "1"));
    command.addAll(List.of(args));
    long start = System.nanoTime();
    try (JavaProcess producer =
        JavaProcess.start(
            context.root(), context.work().resolve(topic + "-producer.log"), List.of(), command)) {
      int exit = producer.waitFor(3_600);
      if (exit != 0) {
        throw new IllegalStateException(
            "the producer failed (exit " + exit + "): " + producer.lastLine());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "[bench] produced to %s (%s) in %.1f s%n",
        topic,
        String.join(" ", args),
        (System.nanoTime() - start) / 1e9);
  }

  Results.Backlog backlog(
      SystemUnderTest system, String settings, List<String> extraArgs, String topic, long records)
      throws Exception {
    String keyspace =
        "bench_"
            + system.name().toLowerCase(Locale.ROOT)
            + "_"
            + run
            + "_"
            + Math.abs(settings.hashCode() % 1000);
    fixtures.createKeyspace(keyspace);
    System.out.printf(
        "[bench] %s draining %,d ratings (%s)...%n", system.label(), records, settings);
    try (JavaProcess job =
        system.start(context, topic + "", keyspace, withGroup(system, extraArgs, keyspace))) {
      awaitWritten(job, records, Duration.ofSeconds(Math.max(600, records / 500)), system.label());
      WriteTimes times = awaitRows(keyspace, records);
      double rss = job.peakRssMiB();
      double cpu = job.cpuSeconds();
      Results.Backlog result =
          new Results.Backlog(
              system.label(),
              settings,
              times.size(),
              (times.lastWriteMillis() - job.startMillis()) / 1000.0,
              (times.lastWriteMillis() - times.firstWriteMillis()) / 1000.0,
              rss,
              cpu,
              job.gcPauseSeconds(),
              times.rowsPerSecond(job.startMillis()));
      System.out.printf(
          Locale.ROOT,
          "[bench] %s: %,.0f rows/s from launch, %,.0f rows/s first to last write, peak RSS %,.0f MiB, %.0f CPU s%n",
          system.label(),
          result.rowsPerSecond(),
          result.steadyRowsPerSecond(),
          rss,
          cpu);
      return result;
    } finally {
      fixtures.dropKeyspace(keyspace);
    }
  }

  /**
   * CPU seconds per minute and resident memory of {@code system} reading an empty topic, measured
   * over {@code seconds} after it is ready and has settled for 30 s.
   */
  Results.Idle idle(SystemUnderTest system, String settings, List<String> extraArgs, int seconds)
      throws Exception {
    String topic = "bench_idle_" + system.name().toLowerCase(Locale.ROOT) + "_" + run;
    String keyspace = topic;
    fixtures.createTopics(Benchmark.PARTITIONS, topic, topic + "_dlq");
    fixtures.createKeyspace(keyspace);
    System.out.printf("[bench] %s idle for %d s (%s)...%n", system.label(), seconds, settings);
    try (JavaProcess job =
        system.start(context, topic, keyspace, withGroup(system, extraArgs, keyspace))) {
      awaitReady(job, system.label());
      Thread.sleep(30_000);
      double cpuBefore = job.cpuSeconds();
      long start = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      double elapsed = (System.nanoTime() - start) / 1e9;
      Results.Idle result =
          new Results.Idle(
              system.label(), settings, elapsed, job.cpuSeconds() - cpuBefore, job.rssMiB());
      System.out.printf(
          Locale.ROOT,
          "[bench] %s idle: %.1f CPU s per minute, RSS %,.0f MiB%n",
          system.label(),
          result.cpuSecondsPerMinute(),
          result.rssMiB());
      return result;
    } finally {
      fixtures.dropKeyspace(keyspace);
      fixtures.deleteTopics(topic, topic + "_dlq");
    }
  }

  Results.Steady steady(SystemUnderTest system, List<String> extraArgs, int rate, int seconds)
      throws Exception {
    String name = system.name().toLowerCase(Locale.ROOT);
    String topic = "bench_steady_" + name + "_" + rate + "_" + run;
    String keyspace = topic;
    long expected = (long) rate * seconds;
    fixtures.createTopics(Benchmark.PARTITIONS, topic, topic + "_dlq");
    fixtures.createKeyspace(keyspace);
    System.out.printf("[bench] %s at %,d ratings/s for %d s...%n", system.label(), rate, seconds);
    try (JavaProcess job =
        system.start(context, topic, keyspace, withGroup(system, extraArgs, keyspace))) {
      awaitReady(job, system.label());
      Thread.sleep(10_000);
      long produceStart = System.currentTimeMillis();
      produce(topic, "--rate", String.valueOf(rate), "--count", String.valueOf(expected));
      long produceEnd = System.currentTimeMillis();
      awaitWritten(job, expected, Duration.ofSeconds(90), system.label());
      Optional<SparkBatches.Summary> batches =
          system == SystemUnderTest.BEAM
              ? SparkBatches.between(SparkBatches.UI_PORT, produceStart, produceEnd)
              : Optional.empty();
      WriteTimes times = awaitRows(keyspace, expected);
      Results.Steady result =
          new Results.Steady(
              system.label(),
              rate,
              seconds,
              expected,
              times.size(),
              times.latencyMillis(),
              times.latencyMillis((produceStart + produceEnd) / 2),
              times.backlogGrowthSeconds(produceStart, produceEnd, rate),
              job.peakRssMiB(),
              job.gcPauseSeconds(),
              times.p99LatencyPerSecond(job.startMillis()),
              batches);
      System.out.printf(
          Locale.ROOT,
          "[bench] %s at %,d/s: p50 %d ms, p99 %d ms (second half %d ms), max %d ms, backlog"
              + " growth %+.1f s%s%n",
          system.label(),
          rate,
          result.latencyMillis().getValueAtPercentile(50),
          result.latencyMillis().getValueAtPercentile(99),
          result.secondHalfLatencyMillis().getValueAtPercentile(99),
          result.latencyMillis().getMaxValue(),
          result.backlogGrowthSeconds(),
          batches
              .map(
                  b ->
                      String.format(
                          Locale.ROOT,
                          "; %d batches, processing p50 %d ms, p99 %d ms, scheduling delay max %d"
                              + " ms",
                          b.batches(),
                          b.p50ProcessingMillis(),
                          b.p99ProcessingMillis(),
                          b.maxSchedulingDelayMillis()))
              .orElse(""));
      return result;
    } finally {
      fixtures.dropKeyspace(keyspace);
      fixtures.deleteTopics(topic, topic + "_dlq");
    }
  }

  /** Beam's consumer group is per keyspace, so that every run reads the topic from its start. */
  private static List<String> withGroup(
      SystemUnderTest system, List<String> extraArgs, String keyspace) {
    List<String> args = new ArrayList<>(extraArgs);
    if (system == SystemUnderTest.BEAM) {
      args.add("--consumerGroup=bench-" + keyspace);
    }
    return args;
  }

  private static void awaitReady(JavaProcess job, String label) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!job.ready()) {
      if (!job.alive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(label + " did not start: " + job.lastLine());
      }
      Thread.sleep(500);
    }
  }

  private static void awaitWritten(JavaProcess job, long expected, Duration timeout, String label)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long lastReport = System.nanoTime();
    while (job.written() < expected) {
      if (!job.alive()) {
        throw new IllegalStateException(label + " stopped: " + job.lastLine());
      }
      if (System.nanoTime() > deadline) {
        System.out.printf(
            "[bench] %s: timed out with %,d of %,d written%n", label, job.written(), expected);
        return;
      }
      if (System.nanoTime() - lastReport > 10_000_000_000L) {
        System.out.printf(
            Locale.ROOT,
            "[bench]   %s: %,d / %,d (%.0f s)%n",
            label,
            job.written(),
            expected,
            job.secondsSinceStart());
        lastReport = System.nanoTime();
      }
      Thread.sleep(200);
    }
  }

  /**
   * Scans the table until it holds {@code expected} rows (writes of the last batch may still land).
   */
  private WriteTimes awaitRows(String keyspace, long expected) throws InterruptedException {
    WriteTimes times = WriteTimes.read(fixtures.session(), keyspace);
    for (int attempt = 0; attempt < 10 && times.size() < expected; attempt++) {
      Thread.sleep(3_000);
      times = WriteTimes.read(fixtures.session(), keyspace);
    }
    if (times.size() != expected) {
      System.out.printf(
          "[bench] %s holds %,d rows, expected %,d%n", keyspace, times.size(), expected);
    }
    return times;
  }
}
