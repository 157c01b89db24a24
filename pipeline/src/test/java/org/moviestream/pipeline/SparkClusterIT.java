package org.moviestream.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.moviestream.producer.RatingsProducer;
import org.moviestream.testing.PipelineArgs;
import org.moviestream.testing.Project;
import org.moviestream.testing.StackResources;

/**
 * The pipeline on a real Spark standalone cluster (Master + Worker JVMs of bin/stack start spark),
 * submitted with spark-submit as the thin application jar: ratings in Kafka become rows in
 * Cassandra and the work runs in executors the Worker launched, not in the driver.
 */
public class SparkClusterIT {

  private static final Path ROOT = Project.root();
  private static final Path STATE = Project.stackDir();
  private static final int PRODUCED = 120;
  private static final String RUN = StackResources.uniqueName("it_cluster");
  private static final String TOPIC = RUN;
  private static final String DLQ = RUN + "_dlq";
  private static final String KEYSPACE = RUN;

  private static boolean startedSpark;
  private static StackResources stack;

  @BeforeClass
  public static void startSparkAndPrepareData() throws Exception {
    startedSpark = !portOpen(7077);
    if (startedSpark) {
      assertEquals(
          "bin/stack start spark", 0, run(ROOT.resolve("bin/stack").toString(), "start", "spark"));
    }
    stack = StackResources.onLocalStack();
    stack.createTopics(3, TOPIC);
    stack.createTopics(1, DLQ);
    stack.createKeyspace(KEYSPACE);
    assertEquals(
        0,
        RatingsProducer.run(
            "--count",
            String.valueOf(PRODUCED),
            "--topic",
            TOPIC,
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--seed",
            "9",
            "--catalog",
            ROOT.resolve("data/netflix.csv").toString()));
  }

  @AfterClass
  public static void cleanUp() throws Exception {
    if (stack != null) {
      stack.close();
    }
    if (startedSpark) {
      run(ROOT.resolve("bin/stack").toString(), "stop", "spark");
    }
  }

  @Test
  public void theSubmittedPipelineWritesEveryRatingFromExecutorsOnTheWorker() throws Exception {
    Path log = ROOT.resolve("pipeline/target/spark-cluster-it-driver.log");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                ROOT.resolve("bin/spark-submit").toString(),
                "--master",
                "spark://127.0.0.1:7077",
                "--class",
                MovieRatingsPipeline.class.getName(),
                Project.Jar.PIPELINE_SPARK_SUBMIT.path().toString()));
    command.addAll(
        PipelineArgs.on(stack.bootstrapServers())
            .topic(TOPIC)
            .deadLetterTopic(DLQ)
            .keyspace(KEYSPACE)
            .consumerGroup(RUN)
            .set("batchIntervalMillis", 1000)
            .list());
    Process driver =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
      long rows = 0;
      while (rows < PRODUCED && System.nanoTime() < deadline && driver.isAlive()) {
        Thread.sleep(2_000);
        rows = stack.count("SELECT COUNT(*) FROM " + KEYSPACE + ".movie_ratings");
      }
      assertTrue("the driver died; see " + log, driver.isAlive());
      assertEquals("rows written by the cluster", PRODUCED, rows);

      JsonNode master = new ObjectMapper().readTree(get("http://127.0.0.1:8080/json/"));
      JsonNode app = findApp(master.get("activeapps"), "movie-ratings-pipeline");
      assertTrue("the app runs on the cluster: " + master, app != null);
      assertTrue(
          "the worker lends the app cores",
          master.get("workers").get(0).get("coresused").asInt() > 0);
      assertTrue(
          "an executor of the app ran in a worker's work dir",
          executorLogs(app.get("id").asText()).count() > 0);
    } finally {
      driver.destroy();
      if (!driver.waitFor(60, TimeUnit.SECONDS)) {
        driver.destroyForcibly();
      }
    }
  }

  private static JsonNode findApp(JsonNode apps, String name) {
    for (JsonNode app : apps) {
      if (name.equals(app.get("name").asText())) {
        return app;
      }
    }
    return null;
  }

  /** stderr files the Worker gave the app's executors: work/<app id>/<executor id>/stderr. */
  private static Stream<Path> executorLogs(String appId) throws IOException {
    try (Stream<Path> workers = Files.list(STATE)) {
      return workers
          .filter(dir -> dir.getFileName().toString().startsWith("spark-worker-"))
          .map(dir -> dir.resolve("work").resolve(appId))
          .filter(Files::isDirectory)
          .flatMap(SparkClusterIT::list)
          .map(executor -> executor.resolve("stderr"))
          .filter(Files::isRegularFile)
          .toList()
          .stream();
    }
  }

  private static Stream<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList().stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static String get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static boolean portOpen(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(ROOT.toFile()).inheritIO().start();
    return process.waitFor(5, TimeUnit.MINUTES) ? process.exitValue() : -1;
  }
}
