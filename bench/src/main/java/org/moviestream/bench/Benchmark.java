package org.moviestream.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.moviestream.cli.Cli;
import org.moviestream.cli.Flags;
import org.moviestream.cli.Version;
import org.moviestream.contract.Defaults;
import org.moviestream.testing.Project;
import org.moviestream.testing.StackResources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * bin/bench: on the local stack, in one run, the raw limits of the machine, the Beam pipeline and
 * its native Spark Structured Streaming peer draining the same backlog, and both at fixed rates;
 * writes bench/results/DATE.md and DATE.png.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    sortOptions = false,
    description =
        "Measure throughput, latency and cost of movie-stream against the raw limits and native Spark.")
public final class Benchmark implements Callable<Integer> {

  /** Partitions of every topic the benchmark makes, like movies_ratings on the stack. */
  static final int PARTITIONS = 3;

  /**
   * Rows per unlogged batch of the raw batched writer: the pipeline's default --cassandraBatchRows.
   */
  static final int RAW_BATCH_ROWS = Defaults.CASSANDRA_BATCH_ROWS;

  /** The pipeline before tuning: Beam's CassandraIO writer and Spark's default micro-batching. */
  static final String BEFORE_TUNING_ARGS = "--cassandraWriter=CASSANDRA_IO";

  @Option(
      names = "--records",
      defaultValue = "1000000",
      description = "backlog size (default: ${DEFAULT-VALUE})")
  long records;

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "1000,5000,10000",
      description = "steady-state rates per second (default: ${DEFAULT-VALUE})")
  List<Integer> rates;

  @Option(
      names = "--steady-seconds",
      defaultValue = "120",
      description = "how long each rate is held (default: ${DEFAULT-VALUE})")
  int steadySeconds;

  @Option(
      names = "--quick",
      description =
          "under 10 minutes: 200,000 records (enough to drain past the JIT warm-up), rates 1000 and 5000 and idle for 30 s")
  boolean quick;

  @Option(
      names = "--beam-args",
      defaultValue = "",
      description =
          "pipeline options for the Beam runs (default: none, the pipeline's own defaults)")
  String beamArgs;

  @Option(
      names = "--compare-before-tuning",
      description = "also drain the backlog as before tuning: " + BEFORE_TUNING_ARGS)
  boolean compareBeforeTuning;

  @Option(names = "--skip-native", description = "measure Beam only")
  boolean skipNative;

  @Option(names = "--raw-only", description = "measure the raw limits only (a minute or two)")
  boolean rawOnly;

  @Option(
      names = "--idle-seconds",
      description = "how long each system's idle CPU is measured (default: ${DEFAULT-VALUE})")
  int idleSeconds = 60;

  @Option(
      names = "--backlog-only",
      description =
          "measure the raw limits and the backlog drains, not idle cost and the fixed rates")
  boolean backlogOnly;

  @Option(
      names = Flags.BOOTSTRAP_SERVERS,
      defaultValue = Defaults.BOOTSTRAP_SERVERS,
      description = "Kafka (default: ${DEFAULT-VALUE})")
  String bootstrapServers;

  @Option(
      names = "--out",
      defaultValue = "bench/results",
      description = "report folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(
      names = "--heap",
      defaultValue = "2g",
      description = "-Xmx of every job JVM (default: ${DEFAULT-VALUE})")
  String heap;

  private final Path root = Project.root();
  private final String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));

  @Override
  public Integer call() throws Exception {
    if (quick) {
      records = 200_000;
      rates = List.of(1_000, 5_000);
      steadySeconds = 30;
      idleSeconds = 30;
    }
    SystemUnderTest.Context context =
        new SystemUnderTest.Context(
            root,
            bootstrapServers,
            root.resolve("bench/target/work-" + run),
            List.of("-Xmx" + heap, "-XX:+UseG1GC"));
    List<SystemUnderTest> systems =
        skipNative
            ? List.of(SystemUnderTest.BEAM)
            : List.of(SystemUnderTest.BEAM, SystemUnderTest.NATIVE);
    List<Results.Backlog> backlogs = new ArrayList<>();
    List<Results.Steady> steadies = new ArrayList<>();
    List<Results.Idle> idles = new ArrayList<>();
    Results.Raw raw;

    try (StackResources fixtures = StackResources.on(bootstrapServers)) {
      Measurements measure = new Measurements(context, fixtures, run);
      String topic = "bench_backlog_" + run;
      fixtures.createTopics(PARTITIONS, topic, topic + "_dlq");
      measure.produce(topic, "--count", String.valueOf(records));

      raw = measureRaw(fixtures, topic);
      if (rawOnly) {
        return 0;
      }

      if (compareBeforeTuning) {
        backlogs.add(
            measure.backlog(
                SystemUnderTest.BEAM,
                BEFORE_TUNING_ARGS,
                split(BEFORE_TUNING_ARGS),
                topic,
                records));
      }
      for (SystemUnderTest system : systems) {
        List<String> extra = system == SystemUnderTest.BEAM ? split(beamArgs) : List.of();
        backlogs.add(measure.backlog(system, settingsOf(system), extra, topic, records));
      }
      fixtures.deleteTopics(topic, topic + "_dlq");

      for (SystemUnderTest system : backlogOnly ? List.<SystemUnderTest>of() : systems) {
        idles.add(
            measure.idle(
                system,
                settingsOf(system),
                system == SystemUnderTest.BEAM ? split(beamArgs) : List.of(),
                idleSeconds));
      }
      for (int rate : backlogOnly ? List.<Integer>of() : rates) {
        for (SystemUnderTest system : systems) {
          steadies.add(
              measure.steady(
                  system,
                  system == SystemUnderTest.BEAM ? split(beamArgs) : List.of(),
                  rate,
                  steadySeconds));
        }
      }
    }

    String date = LocalDate.now().toString();
    Path report = root.resolve(out).resolve(date + (quick ? "-quick" : "") + ".md");
    String chart = report.getFileName().toString().replace(".md", ".png");
    Files.createDirectories(report.getParent());
    Charts.write(report.resolveSibling(chart), backlogs, steadies);
    Report.write(
        report,
        Report.markdown(
            "movie-stream benchmark, " + date + (quick ? " (quick)" : ""),
            settings(),
            raw,
            backlogs,
            steadies,
            idles,
            chart));
    System.out.println(
        "[bench] report: "
            + root.relativize(report)
            + ", chart: "
            + root.relativize(report.resolveSibling(chart)));
    return 0;
  }

  private String settingsOf(SystemUnderTest system) {
    return system == SystemUnderTest.BEAM ? beamSettings() : "local[2], default trigger";
  }

  private String beamSettings() {
    return beamArgs.isBlank() ? "the pipeline's defaults" : beamArgs;
  }

  private Results.Raw measureRaw(StackResources fixtures, String topic) throws Exception {
    RawLimits.Measured<List<ConsumerRecord<String, String>>> drained =
        RawLimits.drain(bootstrapServers, topic, records);
    System.out.printf(
        Locale.ROOT,
        "[bench] raw consumer: %,d records in %.1f s = %,.0f/s%n",
        drained.count(),
        drained.seconds(),
        drained.perSecond());
    String keyspace = "bench_raw_" + run;
    fixtures.createKeyspace(keyspace);
    RawLimits.Measured<Long> inserted =
        RawLimits.insert(fixtures.session(), keyspace, drained.value(), 1);
    System.out.printf(
        Locale.ROOT,
        "[bench] raw writer, single rows: %,d rows in %.1f s = %,.0f/s%n",
        inserted.count(),
        inserted.seconds(),
        inserted.perSecond());
    fixtures.dropKeyspace(keyspace);
    fixtures.createKeyspace(keyspace);
    RawLimits.Measured<Long> batched =
        RawLimits.insert(fixtures.session(), keyspace, drained.value(), RAW_BATCH_ROWS);
    System.out.printf(
        Locale.ROOT,
        "[bench] raw writer, batches of %d: %,d rows in %.1f s = %,.0f/s%n",
        RAW_BATCH_ROWS,
        batched.count(),
        batched.seconds(),
        batched.perSecond());
    fixtures.dropKeyspace(keyspace);
    return new Results.Raw(
        drained.count(),
        drained.perSecond(),
        inserted.perSecond(),
        batched.perSecond(),
        RAW_BATCH_ROWS,
        inserted.value() + batched.value());
  }

  private String settings() {
    return String.format(
        Locale.ROOT,
        "Machine: %d cores, %.0f GiB RAM, Java %s; Kafka, Cassandra and the job on the same box. "
            + "Backlog: %,d ratings in a 3-partition topic. Every job: local[2], -Xmx%s. Beam pipeline options: `%s`. "
            + "Reproduce: `bin/bench%s`.",
        Runtime.getRuntime().availableProcessors(),
        ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize()
            / (1024.0 * 1024 * 1024),
        System.getProperty("java.version"),
        records,
        heap,
        beamSettings(),
        quick ? " --quick" : "");
  }

  private static List<String> split(String args) {
    return args.isBlank() ? List.of() : Arrays.asList(args.trim().split("\\s+"));
  }

  public static void main(String[] args) {
    // Jobs and producers are child JVMs: none may outlive the benchmark and skew the next run.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly)));
    System.exit(Cli.run("bench", new Benchmark(), args));
  }
}
