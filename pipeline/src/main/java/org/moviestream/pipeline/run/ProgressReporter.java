package org.moviestream.pipeline.run;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/** Reads the pipeline's counters and formats them as one progress line. */
public final class ProgressReporter {

  private ProgressReporter() {}

  /** Counter name -> value (attempted: what the running job has counted so far). */
  public static Map<String, Long> counters(MetricResults results) {
    MetricQueryResults query =
        results.queryMetrics(
            MetricsFilter.builder()
                .addNameFilter(MetricNameFilter.inNamespace(PipelineMetrics.NAMESPACE))
                .build());
    Map<String, Long> counters = new TreeMap<>();
    for (MetricResult<Long> counter : query.getCounters()) {
      counters.merge(counter.getName().getName(), counter.getAttempted(), Long::sum);
    }
    return counters;
  }

  /**
   * "read 150 | parsed 145 | enriched 140 | written 140 | windows 12 (1 counted again for late
   * ratings) | dead letters 10 (malformed_json 3, ...) | committed 120".
   */
  public static String line(Map<String, Long> counters) {
    StringBuilder rejected = new StringBuilder();
    counters.forEach(
        (name, value) -> {
          if (name.startsWith("rejected_") && value > 0) {
            rejected
                .append(rejected.length() == 0 ? "" : ", ")
                .append(name.substring("rejected_".length()))
                .append(' ')
                .append(value);
          }
        });
    long late = get(counters, PipelineMetrics.LATE_WINDOWS);
    return String.format(
        "read %d | parsed %d | enriched %d | written %d | windows %d%s | dead letters %d%s | committed %d",
        get(counters, PipelineMetrics.READ),
        get(counters, PipelineMetrics.PARSED),
        get(counters, PipelineMetrics.ENRICHED),
        get(counters, PipelineMetrics.WRITTEN),
        get(counters, PipelineMetrics.WINDOWS_WRITTEN),
        late == 0 ? "" : " (" + late + " counted again for late ratings)",
        get(counters, PipelineMetrics.DEAD_LETTERS),
        rejected.length() == 0 ? "" : " (" + rejected + ")",
        get(counters, PipelineMetrics.COMMITTED));
  }

  public static long get(Map<String, Long> counters, String name) {
    return counters.getOrDefault(name, 0L);
  }
}
