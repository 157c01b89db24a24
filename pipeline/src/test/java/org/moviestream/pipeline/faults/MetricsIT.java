package org.moviestream.pipeline.faults;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.moviestream.pipeline.faults.FaultToleranceIT.await;
import static org.moviestream.pipeline.faults.FaultToleranceIT.awaitComplete;
import static org.moviestream.pipeline.faults.FaultToleranceIT.stopWithSigterm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.BeforeClass;
import org.junit.Test;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.testing.PipelineProcess;

/**
 * The pipeline's Prometheus endpoint on the real stack: after a backlog of ratings and bad messages
 * went through, a scrape of {@code /metrics} says exactly what was sent (read, written, dead
 * letters by reason), the committed offsets and a lag of zero, no waiting, timed micro-batches and
 * the JVM's memory.
 */
public class MetricsIT {

  private static final Pattern URL =
      Pattern.compile("Metrics: (http://127\\.0\\.0\\.1:\\d+/metrics)");
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");

  @BeforeClass
  public static void jarBuilt() {
    PipelineJar.requireBuilt();
  }

  @Test
  public void aScrapeSaysWhatWasSentAndCommitted() throws Exception {
    FaultRun run = new FaultRun(PipelineJar.ROOT, "metrics");
    run.sendBacklog(3_000);
    int sent = run.sentValid() + run.sentBad();
    List<String> args = new ArrayList<>(run.pipelineArgs());
    args.add("--metricsPort=0");
    try (PipelineProcess pipeline = PipelineJar.start("metrics", args)) {
      awaitComplete(run, pipeline);
      String url = metricsUrl(pipeline);
      // The endpoint shows the run monitor's latest look, taken every --progressSeconds.
      await(
          "the scrape shows every offset committed",
          () -> sum(scrape(url), "movie_stream_committed_offset") == sent,
          pipeline);
      Map<String, Double> metrics = scrape(url);
      assertEquals(sent, value(metrics, "movie_stream_ratings_read_total"), 0);
      assertEquals(run.sentValid(), value(metrics, "movie_stream_ratings_written_total"), 0);
      Map<String, Long> deadLettersByReason =
          run.deadLetters().values().stream()
              .collect(
                  Collectors.groupingBy(
                      letter -> letter.reason().name(), TreeMap::new, Collectors.counting()));
      assertEquals(run.sentBad(), deadLettersByReason.values().stream().mapToLong(n -> n).sum());
      for (Map.Entry<String, Long> reason : deadLettersByReason.entrySet()) {
        assertEquals(
            reason.getKey(),
            reason.getValue(),
            value(metrics, "movie_stream_dead_letters_total{reason=\"" + reason.getKey() + "\"}"),
            0);
      }
      assertEquals(0, sum(metrics, "movie_stream_lag"), 0);
      assertEquals(0, value(metrics, "movie_stream_waiting{on=\"kafka\"}"), 0);
      assertEquals(0, value(metrics, "movie_stream_waiting{on=\"cassandra\"}"), 0);
      assertTrue(value(metrics, "movie_stream_windows_written_total") > 0);
      assertTrue(value(metrics, "movie_stream_batch_processing_seconds_count") > 0);
      assertTrue(value(metrics, "jvm_memory_used_bytes{area=\"heap\"}") > 0);
      stopWithSigterm(pipeline);
    }
    assertEquals(0, run.lag());
    assertEquals(
        run.sentBad(), run.deadLetters().values().stream().map(DeadLetterRecord::reason).count());
  }

  private static String metricsUrl(PipelineProcess pipeline) throws Exception {
    await(
        "the pipeline says where its metrics are",
        () -> URL.matcher(PipelineJar.output(pipeline)).find(),
        pipeline);
    Matcher matcher = URL.matcher(PipelineJar.output(pipeline));
    assertTrue(matcher.find());
    return matcher.group(1);
  }

  /** Sample "name{labels}" -> value, as Prometheus would read the page. */
  static Map<String, Double> scrape(String url) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      Map<String, Double> samples = new TreeMap<>();
      for (String line : response.body().lines().toList()) {
        Matcher sample = SAMPLE.matcher(line);
        if (!line.startsWith("#") && sample.matches()) {
          String labels = sample.group(2) == null ? "" : sample.group(2);
          samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(3)));
        }
      }
      return samples;
    } catch (Exception e) {
      throw new IllegalStateException("cannot scrape " + url, e);
    }
  }

  private static double value(Map<String, Double> metrics, String sample) {
    Double value = metrics.get(sample);
    assertTrue(sample + " is not among " + metrics.keySet(), value != null);
    return value;
  }

  /** The sum of a metric over all its label sets. */
  private static double sum(Map<String, Double> metrics, String name) {
    return metrics.entrySet().stream()
        .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }
}
