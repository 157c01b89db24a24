package org.moviestream.view.metrics;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.moviestream.kafka.GroupProgress;
import org.moviestream.view.store.RatingsStore;
import org.moviestream.view.stream.DeadLetterTally;
import org.moviestream.view.stream.KafkaNodes;
import org.moviestream.view.stream.StreamMonitor;

/**
 * What the page shows, at {@code /metrics} in the Prometheus text format (client_java): the ratings
 * topic's log end, the pipeline group's committed offset and lag per partition (the view's
 * samples), dead letters by reason on the dead-letter topic, whether Kafka and Cassandra answer,
 * the Kafka nodes up and partitions short of replicas, and the view's own JVM.
 */
public final class ViewMetrics {

  private static final String PREFIX = "movie_stream_";

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public ViewMetrics(
      StreamMonitor stream, DeadLetterTally deadLetters, RatingsStore store, String topic) {
    perPartition(
        "topic_log_end_offset",
        "Offset after the last message of each partition",
        stream,
        topic,
        GroupProgress.Partition::logEnd);
    perPartition(
        "group_committed_offset",
        "The pipeline group's committed offset (its ratings are durable)",
        stream,
        topic,
        GroupProgress.Partition::committed);
    perPartition(
        "group_lag",
        "Messages after the pipeline group's committed offset",
        stream,
        topic,
        GroupProgress.Partition::lag);
    CounterWithCallback.builder()
        .name(PREFIX + "dead_letter_topic_records")
        .help("Rejected messages on the dead-letter topic (a replayed one counted once), by reason")
        .labelNames("reason")
        .callback(
            callback ->
                deadLetters.summary().byReason().forEach((reason, n) -> callback.call(n, reason)))
        .register(registry);
    GaugeWithCallback.builder()
        .name(PREFIX + "service_up")
        .help("1 while the service answers the view")
        .labelNames("service")
        .callback(
            callback -> {
              callback.call(stream.isUp() ? 1 : 0, "kafka");
              callback.call(store.problem() == null ? 1 : 0, "cassandra");
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name(PREFIX + "kafka_nodes_up")
        .help("Nodes of the Kafka controller quorum that serve as brokers")
        .callback(
            callback ->
                callback.call(stream.nodes().nodes().stream().filter(KafkaNodes.Node::up).count()))
        .register(registry);
    GaugeWithCallback.builder()
        .name(PREFIX + "kafka_under_replicated_partitions")
        .help("Partitions of the two topics with fewer in-sync replicas than replicas")
        .callback(callback -> callback.call(stream.nodes().underReplicatedPartitions()))
        .register(registry);
    JvmMetrics.builder().register(registry);
  }

  private interface Figure {
    long of(GroupProgress.Partition partition);
  }

  private void perPartition(
      String name, String help, StreamMonitor stream, String topic, Figure figure) {
    GaugeWithCallback.builder()
        .name(PREFIX + name)
        .help(help)
        .labelNames("topic", "partition")
        .callback(
            callback ->
                stream
                    .latestPartitions()
                    .forEach(
                        partition ->
                            callback.call(
                                figure.of(partition),
                                topic,
                                String.valueOf(partition.partition()))))
        .register(registry);
  }

  /** Serves the registry at GET /metrics. */
  public void register(Javalin app) {
    app.get("/metrics", this::scrape);
  }

  private void scrape(Context ctx) throws IOException {
    ctx.contentType(writer.getContentType()).result(text());
  }

  /**
   * The names of the registered metric families (a family without samples is left off the page).
   */
  java.util.List<String> names() {
    return registry.scrape().stream()
        .map(snapshot -> snapshot.getMetadata().getPrometheusName())
        .toList();
  }

  /** The page a scrape gets. */
  String text() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, registry.scrape());
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
