package org.moviestream.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.moviestream.testing.PipelineProcess;
import org.moviestream.testing.Project;
import org.moviestream.testing.StackResources;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Grafana dashboard's queries, evaluated by a real Prometheus (Debian's) that scrapes the real
 * pipeline and view while ratings flow: every panel's query returns series, and the panels are
 * drawn by Prometheus's own graph page, one by one, and saved as view/target/dashboard.png (Grafana
 * itself is not installable here: not on Maven Central, Debian or npm).
 */
class DashboardIT {

  private static final Path ROOT = KnownStream.ROOT;
  private static final Path PROMETHEUS =
      Path.of(System.getProperty("prometheus", "/usr/bin/prometheus"));
  private static final Path DASHBOARD = ROOT.resolve("docs/grafana/movie-stream-dashboard.json");
  private static final Path SCRAPE_CONFIG = ROOT.resolve("docs/grafana/prometheus.yml");
  private static final Path WORK = ROOT.resolve("view/target/dashboard");
  private static final int RATINGS = 2_400;
  private static final int RATE = 40;
  private static final List<String> BAD = List.of("{not json", "[1, 2", "{\"name\": 5}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void everyPanelOfTheDashboardShowsTheRunningSystem() throws Exception {
    if (!Files.isExecutable(PROMETHEUS)) {
      throw new IllegalStateException(
          "the dashboard test needs Debian's prometheus ("
              + PROMETHEUS
              + "): apt-get install prometheus (.ci/run installs it)");
    }
    Files.createDirectories(WORK);
    String run = StackResources.uniqueName("dashboard");
    String topic = run + "_ratings";
    String deadLetterTopic = run + "_ratings_dlq";
    String keyspace = run + "_netflix";
    String group = run + "_pipeline";
    int pipelineMetrics = ViewApiIT.freePort();
    int prometheusPort = ViewApiIT.freePort();
    try (StackResources stack = StackResources.onLocalStack()) {
      stack.createTopics(3, topic);
      stack.createTopics(1, deadLetterTopic);
      stack.createKeyspace(keyspace);
      try (ViewServer view =
              ViewServer.start(
                  ViewOptions.parse(
                      "--port=0",
                      "--bootstrap-servers=" + stack.bootstrapServers(),
                      "--topic=" + topic,
                      "--dead-letter-topic=" + deadLetterTopic,
                      "--consumer-group=" + group,
                      "--keyspace=" + keyspace,
                      "--sample-seconds=1"));
          PipelineProcess pipeline =
              KnownStream.startPipeline(
                  stack.bootstrapServers(),
                  topic,
                  deadLetterTopic,
                  keyspace,
                  group,
                  WORK.resolve("pipeline.log"),
                  "--metricsPort=" + pipelineMetrics)) {
        Process prometheus = startPrometheus(prometheusPort, pipelineMetrics, view.port());
        String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";
        try {
          await(
              "Prometheus scrapes the pipeline and the view", () -> targetsUp(api) == 2, pipeline);
          Process producer = produce(stack.bootstrapServers(), topic);
          assertTrue(producer.waitFor(3, TimeUnit.MINUTES), "the producer ends");
          assertEquals(0, producer.exitValue(), Files.readString(WORK.resolve("producer.log")));
          // Last, so that the dead-letter panels' minute still holds them.
          sendBad(stack, topic);
          await(
              "every rating committed",
              () -> stack.lag(group, topic) == 0 && committed(stack, group) == RATINGS + BAD.size(),
              pipeline);
          // A scrape or two after the last commit, so that the rates' windows hold it.
          Map<String, String> empty = new LinkedHashMap<>();
          try {
            await("every panel's query returns series", () -> emptyQueries(api, empty), pipeline);
          } catch (AssertionError e) {
            throw new AssertionError("queries without series (query = panel): " + empty, e);
          }
          screenshot(prometheusPort);
        } finally {
          prometheus.destroy();
          prometheus.waitFor(10, TimeUnit.SECONDS);
        }
      } finally {
        stack.deleteTopics(topic, deadLetterTopic);
        stack.dropKeyspace(keyspace);
      }
    }
  }

  /** Every query of the dashboard, by panel title, with Grafana's variable given its "All". */
  private static Map<String, List<String>> panelQueries() throws Exception {
    Map<String, List<String>> queries = new LinkedHashMap<>();
    for (JsonNode panel : JSON.readTree(DASHBOARD.toFile()).get("panels")) {
      List<String> expressions = new ArrayList<>();
      for (JsonNode target : panel.path("targets")) {
        expressions.add(target.get("expr").asText().replace("$job", ".+"));
      }
      queries.put(panel.get("title").asText(), expressions);
    }
    assertTrue(queries.size() >= 10, "panels: " + queries.keySet());
    return queries;
  }

  /** Fills {@code empty} with the queries that return no series now; true when there are none. */
  private static boolean emptyQueries(String api, Map<String, String> empty) throws Exception {
    empty.clear();
    for (Map.Entry<String, List<String>> panel : panelQueries().entrySet()) {
      for (String expression : panel.getValue()) {
        JsonNode answer = get(api + "query?query=" + encode(expression));
        assertEquals("success", answer.path("status").asText(), expression + ": " + answer);
        if (answer.path("data").path("result").isEmpty()) {
          empty.put(expression, panel.getKey());
        }
      }
    }
    return empty.isEmpty();
  }

  /** The docs' scrape config, its targets and interval made this test's. */
  private static Process startPrometheus(int port, int pipelineMetrics, int viewPort)
      throws Exception {
    String config = Files.readString(SCRAPE_CONFIG);
    for (String expected : List.of("127.0.0.1:9400", "127.0.0.1:8088", "scrape_interval: 10s")) {
      assertTrue(config.contains(expected), SCRAPE_CONFIG + " no longer has " + expected);
    }
    Path file = WORK.resolve("prometheus.yml");
    Files.writeString(
        file,
        config
            .replace("127.0.0.1:9400", "127.0.0.1:" + pipelineMetrics)
            .replace("127.0.0.1:8088", "127.0.0.1:" + viewPort)
            .replace("scrape_interval: 10s", "scrape_interval: 1s"));
    Path data = WORK.resolve("prometheus-data");
    // A fresh database: an earlier run's series would share the graphs.
    if (Files.exists(data)) {
      try (var files = Files.walk(data)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    return new ProcessBuilder(
            PROMETHEUS.toString(),
            "--config.file=" + file,
            "--storage.tsdb.path=" + data,
            "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true)
        .redirectOutput(WORK.resolve("prometheus.log").toFile())
        .start();
  }

  private static long targetsUp(String api) {
    try {
      JsonNode targets = get(api + "targets").path("data").path("activeTargets");
      long up = 0;
      for (JsonNode target : targets) {
        up += "up".equals(target.path("health").asText()) ? 1 : 0;
      }
      return up;
    } catch (Exception notYet) {
      return 0;
    }
  }

  /** The producer jar at {@value #RATE} ratings a second, {@value #RATINGS} in all. */
  private static Process produce(String bootstrapServers, String topic) throws Exception {
    return new ProcessBuilder(
            ProcessHandle.current().info().command().orElse("java"),
            "-jar",
            Project.Jar.PRODUCER.path().toString(),
            "--bootstrap-servers",
            bootstrapServers,
            "--topic",
            topic,
            "--rate",
            String.valueOf(RATE),
            "--count",
            String.valueOf(RATINGS))
        .directory(ROOT.toFile())
        .redirectErrorStream(true)
        .redirectOutput(WORK.resolve("producer.log").toFile())
        .start();
  }

  private static void sendBad(StackResources stack, String topic) throws Exception {
    try (KafkaProducer<String, String> producer = stack.producer()) {
      for (String payload : BAD) {
        producer.send(new ProducerRecord<>(topic, "bad", payload)).get();
      }
    }
  }

  private static long committed(StackResources stack, String group) {
    return stack.committedOffsets(group).values().stream().mapToLong(o -> o.offset()).sum();
  }

  /**
   * Each query of the dashboard drawn by Prometheus's graph page, under its panel's title, two to a
   * row, saved as view/target/dashboard.png.
   */
  private static void screenshot(int port) throws Exception {
    List<BufferedImage> cells = new ArrayList<>();
    WebDriver browser = HeadlessChromium.start(1000, 900);
    try {
      for (Map.Entry<String, List<String>> panel : panelQueries().entrySet()) {
        for (String expression : panel.getValue()) {
          browser.get(
              "http://127.0.0.1:"
                  + port
                  + "/graph?g0.tab=0&g0.range_input=3m&g0.expr="
                  + encode(expression));
          new WebDriverWait(browser, Duration.ofSeconds(20))
              .until(page -> !page.findElements(By.cssSelector(".graph_area svg path")).isEmpty());
          byte[] png =
              browser.findElement(By.cssSelector(".tab-content")).getScreenshotAs(OutputType.BYTES);
          cells.add(titled(panel.getKey(), ImageIO.read(new ByteArrayInputStream(png))));
        }
      }
    } finally {
      browser.quit();
    }
    int width = cells.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
    int height = cells.stream().mapToInt(BufferedImage::getHeight).max().orElseThrow();
    int rows = (cells.size() + 1) / 2;
    BufferedImage sheet = new BufferedImage(2 * width, rows * height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = sheet.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    for (int i = 0; i < cells.size(); i++) {
      graphics.drawImage(cells.get(i), (i % 2) * width, (i / 2) * height, null);
    }
    graphics.dispose();
    ImageIO.write(sheet, "png", ROOT.resolve("view/target/dashboard.png").toFile());
  }

  private static BufferedImage titled(String title, BufferedImage graph) {
    BufferedImage cell =
        new BufferedImage(graph.getWidth(), graph.getHeight() + 36, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = cell.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, cell.getWidth(), cell.getHeight());
    graphics.setColor(Color.DARK_GRAY);
    graphics.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    graphics.drawString(title, 12, 25);
    graphics.drawImage(graph, 0, 36, null);
    graphics.dispose();
    return cell;
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(String what, Check check, PipelineProcess pipeline) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (!check.holds()) {
      if (!pipeline.isAlive()) {
        throw new AssertionError("the pipeline ended early:\n" + pipeline.tail(4_000));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(1_000);
    }
  }
}
