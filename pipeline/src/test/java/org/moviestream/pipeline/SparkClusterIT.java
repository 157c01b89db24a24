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
import java.util.Map;
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
 * The pipeline on a real Spark standalone cluster (Master + two one-core Worker JVMs of bin/stack
 * start spark), submitted with spark-submit as the thin application jar: ratings in Kafka become
 * rows in Cassandra, the work runs in executors the Workers launched, not in the driver, and with
 * two executors every message is read once however the read task moves between them.
 */
public class SparkClusterIT {

  private static final Path ROOT = Project.root();
  private static final Path STATE = Project.stackDir();
  private static final int PRODUCED = 20_000;
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
          "bin/stack start spark",
          0,
          run(
              Map.of("SPARK_WORKERS", "2", "SPARK_WORKER_CORES", "1"),
              ROOT.resolve("bin/stack").toString(),
              "start",
              "spark"));
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
      run(Map.of(), ROOT.resolve("bin/stack").toString(), "stop", "spark");
    }
  }

  @Test
  public void twoExecutorsWriteEveryRatingAndReadEachMessageOnce() throws Exception {
    Path log = ROOT.resolve("pipeline/target/spark-cluster-it-driver.log");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                ROOT.resolve("bin/spark-submit").toString(),
                "--master",
                "spark://127.0.0.1:7077",
                // No waiting for the executor that read the last batch: the read task moves
                // between the two executors, where a reader cached by the other one is stale.
                "--conf",
                "spark.locality.wait=0",
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
            .set("maxRecordsPerBatch", 1000)
            .set("progressSeconds", 1)
            .list());
    Process driver =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      JsonNode status = null;
      while (System.nanoTime() < deadline && driver.isAlive()) {
        Thread.sleep(2_000);
        status = lastStatus(log);
        if (status != null && status.get("committed").asLong() >= PRODUCED) {
          break;
        }
      }
      assertTrue("the driver died; see " + log, driver.isAlive());
      assertTrue("no progress line in " + log, status != null);
      assertEquals("offsets committed; see " + log, PRODUCED, status.get("committed").asLong());
      long rows = stack.count("SELECT COUNT(*) FROM " + KEYSPACE + ".movie_ratings");
      assertEquals("rows written by the cluster", PRODUCED, rows);
      assertEquals("messages read, each once; see " + log, PRODUCED, status.get("read").asLong());
      assertEquals(
          "ratings written, each once; see " + log, PRODUCED, status.get("written").asLong());
      assertTrue("no partition stalled: " + log, !Files.readString(log).contains("STUCK"));

      JsonNode master = new ObjectMapper().readTree(get("http://127.0.0.1:8080/json/"));
      JsonNode app = findApp(master.get("activeapps"), "movie-ratings-pipeline");
      assertTrue("the app runs on the cluster: " + master, app != null);
      List<Path> executors = executorLogs(app.get("id").asText()).toList();
      long ranTasks = executors.stream().filter(SparkClusterIT::ranATask).count();
      assertEquals("executors of the app that ran tasks: " + executors, 2, ranTasks);
    } finally {
      driver.destroy();
      if (!driver.waitFor(60, TimeUnit.SECONDS)) {
        driver.destroyForcibly();
      }
    }
  }

  /** The last STATUS line of the driver's log, as JSON. */
  private static JsonNode lastStatus(Path log) throws IOException {
    List<String> lines =
        Files.readAllLines(log).stream().filter(line -> line.startsWith("STATUS ")).toList();
    return lines.isEmpty()
        ? null
        : new ObjectMapper().readTree(lines.get(lines.size() - 1).substring("STATUS ".length()));
  }

  private static boolean ranATask(Path stderr) {
    try {
      return Files.readString(stderr).contains("Running task");
    } catch (IOException e) {
      return false;
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

  private static int run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).inheritIO();
    builder.environment().putAll(env);
    Process process = builder.start();
    return process.waitFor(5, TimeUnit.MINUTES) ? process.exitValue() : -1;
  }
}
