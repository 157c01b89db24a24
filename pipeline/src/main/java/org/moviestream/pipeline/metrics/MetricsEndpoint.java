package org.moviestream.pipeline.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.spark.streaming.api.java.JavaStreamingListener;
import org.apache.spark.streaming.api.java.JavaStreamingListenerBatchCompleted;

/**
 * The running job's figures at {@code /metrics}, in the Prometheus text format (client_java): what
 * the progress line says (ratings read and written, windows written, dead letters by reason,
 * messages committed), the consumer group's committed offset and lag per partition, what the job
 * waits for, how long each micro-batch took, and the driver JVM's memory, threads and GC. Counts
 * come from the Beam counters the run monitor reads every few seconds ({@link #update}); a scrape
 * sees the latest.
 */
public final class MetricsEndpoint implements AutoCloseable {

  private static final String PREFIX = "movie_stream_";

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Histogram batchProcessing;
  private final Histogram batchDelay;
  private final HTTPServer server;
  private volatile RunFigures figures = RunFigures.NONE;

  /** What the run monitor saw at its last look. */
  public record RunFigures(
      Map<String, Long> counters,
      Map<String, Long> committed,
      Map<String, Long> lag,
      List<String> waitingFor) {

    static final RunFigures NONE = new RunFigures(Map.of(), Map.of(), Map.of(), List.of());
  }

  private MetricsEndpoint(String address, int port) throws IOException {
    counter("ratings_read", "Ratings read from Kafka", PipelineMetrics.READ);
    counter("ratings_written", "Ratings written to Cassandra", PipelineMetrics.WRITTEN);
    counter("windows_written", "Per-person window rows written", PipelineMetrics.WINDOWS_WRITTEN);
    counter(
        "messages_committed",
        "Messages whose offsets became committable (durable in Cassandra or as dead letters)",
        PipelineMetrics.COMMITTED);
    CounterWithCallback.builder()
        .name(PREFIX + "dead_letters")
        .help("Rejected messages written to the dead-letter topic, by reason")
        .labelNames("reason")
        .callback(
            callback ->
                figures.counters.forEach(
                    (name, value) -> {
                      if (name.startsWith(PipelineMetrics.DEAD_LETTERS_OF)) {
                        callback.call(
                            value, name.substring(PipelineMetrics.DEAD_LETTERS_OF.length()));
                      }
                    }))
        .register(registry);
    partitionGauge(
        "committed_offset", "The consumer group's committed offset", RunFigures::committed);
    partitionGauge("lag", "Messages after the committed offset", RunFigures::lag);
    GaugeWithCallback.builder()
        .name(PREFIX + "waiting")
        .help(
            "What the job waits for: 1 while Kafka or Cassandra does not answer, or while most"
                + " ratings are rejected for their time (clock); stuck partitions")
        .labelNames("on")
        .callback(
            callback -> {
              List<String> waits = figures.waitingFor;
              callback.call(count(waits, "Kafka"), "kafka");
              callback.call(count(waits, "Cassandra"), "cassandra");
              callback.call(count(waits, "clocks"), "clock");
              callback.call(
                  waits.size()
                      - count(waits, "Kafka")
                      - count(waits, "Cassandra")
                      - count(waits, "clocks"),
                  "other");
            })
        .register(registry);
    batchProcessing =
        Histogram.builder()
            .name(PREFIX + "batch_processing_seconds")
            .help("How long Spark took to process each micro-batch")
            .unit(Unit.SECONDS)
            .register(registry);
    batchDelay =
        Histogram.builder()
            .name(PREFIX + "batch_total_delay_seconds")
            .help(
                "From a micro-batch's time to its end: waiting for earlier batches, and processing")
            .unit(Unit.SECONDS)
            .register(registry);
    JvmMetrics.builder().register(registry);
    server = HTTPServer.builder().hostname(address).port(port).registry(registry).buildAndStart();
  }

  /**
   * Serves on {@code address}:{@code port} (0: a free port), or returns null, saying why in one
   * line, when it cannot: a taken port costs the metrics, not the job.
   */
  public static MetricsEndpoint start(String address, int port) {
    if (port < 0) {
      return null;
    }
    try {
      MetricsEndpoint endpoint = new MetricsEndpoint(address, port);
      String shown = address.equals("0.0.0.0") ? "127.0.0.1" : address;
      System.err.printf("Metrics: http://%s:%d/metrics%n", shown, endpoint.port());
      return endpoint;
    } catch (IOException e) {
      System.err.printf(
          "Metrics: %s:%d cannot be served (%s): no /metrics for this run (--metricsPort)%n",
          address, port, e.getMessage());
      return null;
    }
  }

  public int port() {
    return server.getPort();
  }

  /** The monitor's latest look. */
  public void update(RunFigures latest) {
    figures = latest;
  }

  /** Times every micro-batch; given to the SparkRunner as a streaming listener. */
  public JavaStreamingListener batchListener() {
    return new JavaStreamingListener() {
      @Override
      public void onBatchCompleted(JavaStreamingListenerBatchCompleted completed) {
        long processing = completed.batchInfo().processingDelay();
        long total = completed.batchInfo().totalDelay();
        if (processing >= 0) {
          batchProcessing.observe(processing / 1000.0);
        }
        if (total >= 0) {
          batchDelay.observe(total / 1000.0);
        }
      }
    };
  }

  private void counter(String name, String help, String beamCounter) {
    CounterWithCallback.builder()
        .name(PREFIX + name)
        .help(help)
        .callback(callback -> callback.call(figures.counters.getOrDefault(beamCounter, 0L)))
        .register(registry);
  }

  private interface PerPartition {
    Map<String, Long> of(RunFigures figures);
  }

  /** A gauge per "topic/partition", labelled topic and partition. */
  private void partitionGauge(String name, String help, PerPartition values) {
    GaugeWithCallback.builder()
        .name(PREFIX + name)
        .help(help)
        .labelNames("topic", "partition")
        .callback(
            callback ->
                values
                    .of(figures)
                    .forEach(
                        (partition, value) -> {
                          int slash = partition.lastIndexOf('/');
                          callback.call(
                              value, partition.substring(0, slash), partition.substring(slash + 1));
                        }))
        .register(registry);
  }

  private static int count(List<String> waits, String prefix) {
    return (int) waits.stream().filter(wait -> wait.startsWith(prefix)).count();
  }

  @Override
  public void close() {
    server.close();
  }
}
