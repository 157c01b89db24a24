package org.moviestream.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The benchmark's figures as a Markdown report (bench/results/DATE.md). */
final class Report {

  private Report() {}

  static String markdown(
      String title,
      String settings,
      Results.Raw raw,
      List<Results.Backlog> backlogs,
      List<Results.Steady> steadies,
      List<Results.Idle> idles,
      String chartFile) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(title).append("\n\n").append(settings).append("\n\n");

    md.append(
        "## Raw limits of this machine\n\n| measure | records | per second |\n|---|---:|---:|\n");
    row(md, "plain KafkaConsumer draining the topic", raw.records(), raw.consumerPerSecond());
    row(
        md,
        "plain Cassandra driver 4 async single-row inserts (" + RawLimits.IN_FLIGHT + " in flight)",
        raw.records(),
        raw.writerPerSecond());
    row(
        md,
        "the same, as unlogged batches of up to " + raw.batchRows() + " rows of one person",
        raw.records(),
        raw.batchedWriterPerSecond());
    md.append(
        String.format(
            Locale.ROOT,
            "\nCeiling (reading, or the faster way of writing, whichever is slower): **%,.0f rows/s**.%s\n\n",
            raw.ceiling(),
            raw.writerFailures() > 0
                ? " (" + raw.writerFailures() + " raw write requests failed)"
                : ""));

    md.append("## Backlog: drain the preloaded topic into Cassandra\n\n")
        .append(
            "| system | settings | rows | rows/s (launch to last write) | rows/s (first to last write) | of ceiling | peak RSS | CPU s per million | GC pauses s |\n")
        .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Results.Backlog b : backlogs) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,d | %,.0f | %,.0f | %.0f%% | %,.0f MiB | %,.0f | %.1f |\n",
              b.system(),
              b.settings(),
              b.rows(),
              b.rowsPerSecond(),
              b.steadyRowsPerSecond(),
              100 * b.steadyRowsPerSecond() / raw.ceiling(),
              b.peakRssMiB(),
              b.cpuSecondsPerMillion(),
              b.gcPauseSeconds()));
    }
    if (backlogs.size() >= 2) {
      Results.Backlog beam =
          backlogs.stream()
              .filter(b -> b.system().startsWith("Beam"))
              .reduce((a, b) -> b)
              .orElse(null);
      Results.Backlog spark =
          backlogs.stream().filter(b -> !b.system().startsWith("Beam")).findFirst().orElse(null);
      if (beam != null && spark != null) {
        md.append(
            String.format(
                Locale.ROOT,
                "\nBeam / native (launch to last write): **%.2f**; first to last write: **%.2f**.\n",
                beam.rowsPerSecond() / spark.rowsPerSecond(),
                beam.steadyRowsPerSecond() / spark.steadyRowsPerSecond()));
      }
    }

    if (!idles.isEmpty()) {
      md.append("\n## Idle: no input, after 30 s of settling\n\n")
          .append("| system | settings | CPU s per minute | RSS |\n|---|---|---:|---:|\n");
      for (Results.Idle idle : idles) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.1f | %,.0f MiB |\n",
                idle.system(),
                idle.settings(),
                idle.cpuSecondsPerMinute(),
                idle.rssMiB()));
      }
    }

    md.append("\n## Steady state: latency at a fixed rate (row write time - rating timestamp)\n\n")
        .append(
            "| system | rate/s | seconds | rows | p50 ms | p95 ms | p99 ms | p99 ms, second half | max ms | backlog growth | sustained | peak RSS | GC pauses s | micro-batch processing p50 / p99 ms | max scheduling delay ms |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
    for (Results.Steady s : steadies) {
      Histogram h = s.latencyMillis();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,.0f | %d | %,d / %,d | %d | %d | %d | %d | %d | %+.1f s | %s | %,.0f MiB | %.1f | %s | %s |\n",
              s.system(),
              s.rate(),
              s.seconds(),
              s.rows(),
              s.expected(),
              h.getValueAtPercentile(50),
              h.getValueAtPercentile(95),
              h.getValueAtPercentile(99),
              s.secondHalfLatencyMillis().getValueAtPercentile(99),
              h.getMaxValue(),
              s.backlogGrowthSeconds(),
              s.sustained() ? "yes" : "no",
              s.peakRssMiB(),
              s.gcPauseSeconds(),
              s.batches()
                  .map(b -> b.p50ProcessingMillis() + " / " + b.p99ProcessingMillis())
                  .orElse("-"),
              s.batches().map(b -> String.valueOf(b.maxSchedulingDelayMillis())).orElse("-")));
    }
    md.append(
            "\n\"Backlog growth\": ratings produced but not yet written at the end of the producing window minus at its middle,\n")
        .append(
            "in seconds of input; \"sustained\" = every row arrived and the backlog grew by less than one second.\n")
        .append(
            "\"Second half\": the rows rated in the second half of the producing window, past the JVM's warm-up.\n")
        .append(
            "Micro-batches (Beam's DStream driver, from Spark's REST API, batches timed in the producing window): a processing time\n")
        .append(
            "above the batch interval, or any scheduling delay, means batches queued behind each other.\n\n")
        .append("![throughput and latency over time](")
        .append(chartFile)
        .append(")\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String what, long records, double perSecond) {
    md.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f |\n", what, records, perSecond));
  }

  static void write(Path file, String markdown) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, markdown, StandardCharsets.UTF_8);
  }
}
