package org.moviestream.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moviestream.view.KnownStream.ANN;
import static org.moviestream.view.KnownStream.BOB;
import static org.moviestream.view.KnownStream.OWNER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON API on the real stack, after known ratings went through the real pipeline: exact
 * figures.
 */
class ViewApiIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KnownStream known;

  @BeforeAll
  static void sendKnownRatingsThroughThePipeline() throws Exception {
    known = KnownStream.get();
  }

  @Test
  void peopleAreEveryoneWithARatingInAlphabeticalOrder() throws Exception {
    assertEquals(List.of(ANN, BOB, OWNER), texts(get(known.url, "api/people", 200)));
  }

  @Test
  void windowsCountAndAverageEachPersonsRatings() throws Exception {
    Map<String, List<String>> windows = new TreeMap<>();
    for (JsonNode person : get(known.url, "api/windows", 200)) {
      List<String> rows = new ArrayList<>();
      for (JsonNode window : person.get("windows")) {
        rows.add(
            window.get("windowStart").asText()
                + " "
                + window.get("ratings").asLong()
                + " "
                + window.get("avgRating").asDouble());
      }
      windows.put(person.get("name").asText(), rows);
    }
    String a = known.windowA.toString();
    String b = known.windowB.toString();
    assertEquals(
        Map.of(
            ANN, List.of(a + " 2 7.0", b + " 1 2.0"),
            BOB, List.of(a + " 2 7.0"),
            OWNER, List.of(a + " 1 9.0", b + " 2 6.0")),
        windows);
  }

  @Test
  void trendingRanksEachWindowsTitlesMostRatedFirstTiesByTitle() throws Exception {
    JsonNode rankings = get(known.url, "api/trending?windows=5&day=" + known.day(), 200);
    assertEquals(2, rankings.size());
    assertEquals(known.windowB.toString(), rankings.get(0).get("windowStart").asText());
    assertEquals(List.of("Okja 2", "Dark 1"), titles(rankings.get(0)));
    assertEquals(3, rankings.get(0).get("windowRatings").asLong());
    assertEquals(known.windowA.toString(), rankings.get(1).get("windowStart").asText());
    assertEquals(List.of("Roma 3", "Dark 1", "Okja 1"), titles(rankings.get(1)));
    assertEquals(5, rankings.get(1).get("windowRatings").asLong());
  }

  @Test
  void theFirstQuestionAveragesTheRuntimeOfTheMoviesInTheRange() throws Exception {
    JsonNode answer =
        get(
            known.url,
            "api/avg-duration?name="
                + encode(OWNER)
                + "&from="
                + known.windowA
                + "&to="
                + known.windowB.plusSeconds(30),
            200);
    assertEquals((135 + 121) / 2.0, answer.get("avgDurationMinutes").asDouble(), 1e-9);
    assertEquals(2, answer.get("movies").asLong());
    assertEquals(3, answer.get("ratings").asLong());

    JsonNode onlyA =
        get(
            known.url,
            "api/avg-duration?name="
                + encode(BOB)
                + "&from="
                + known.windowA
                + "&to="
                + known.windowB,
            200);
    assertEquals(135.0, onlyA.get("avgDurationMinutes").asDouble(), 1e-9);
    assertEquals(2, onlyA.get("ratings").asLong());
  }

  @Test
  void theSecondQuestionListsTheHoursTitlesNewestFirst() throws Exception {
    JsonNode answer =
        get(known.url, "api/movies?name=" + encode(OWNER) + "&hour=" + known.hour(), 200);
    List<String> titles = new ArrayList<>();
    answer
        .get("ratings")
        .forEach(r -> titles.add(r.get("movie").asText() + " " + r.get("rating").asInt()));
    assertEquals(List.of("Dark 5", "Okja 7", "Roma 9"), titles);
    assertEquals(
        known.windowB.plusSeconds(21).toString(),
        answer.get("ratings").get(0).get("timestamp").asText());
  }

  @Test
  void deadLettersAreCountedByReasonWithTheLatestFirst() throws Exception {
    JsonNode deadLetters = get(known.url, "api/dead-letters", 200);
    assertEquals(4, deadLetters.get("total").asLong());
    assertEquals(
        Map.of("MALFORMED_JSON", 2L, "RATING_OUT_OF_RANGE", 1L, "UNKNOWN_TITLE", 1L),
        JSON.convertValue(
            deadLetters.get("byReason"),
            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() {}));
    assertEquals(4, deadLetters.get("latest").size());
    assertEquals(known.topic, deadLetters.get("latest").get(0).get("source").get("topic").asText());
  }

  @Test
  void metricsSayInThePrometheusFormatWhatWasSentAndCommitted() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(known.url + "metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    Map<String, Double> samples = new TreeMap<>();
    for (String line : response.body().lines().toList()) {
      int space = line.lastIndexOf(' ');
      if (!line.startsWith("#") && space > 0) {
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    for (Map.Entry<Integer, Long> partition : known.sentPerPartition.entrySet()) {
      String labels = "{partition=\"" + partition.getKey() + "\",topic=\"" + known.topic + "\"}";
      assertEquals(
          partition.getValue(),
          samples.get("movie_stream_group_committed_offset" + labels),
          0,
          labels);
      assertEquals(0, samples.get("movie_stream_group_lag" + labels), 0, labels);
    }
    assertEquals(
        2,
        samples.get("movie_stream_dead_letter_topic_records_total{reason=\"MALFORMED_JSON\"}"),
        0);
    assertEquals(
        1,
        samples.get("movie_stream_dead_letter_topic_records_total{reason=\"UNKNOWN_TITLE\"}"),
        0);
    assertEquals(1, samples.get("movie_stream_service_up{service=\"kafka\"}"), 0);
    assertEquals(1, samples.get("movie_stream_service_up{service=\"cassandra\"}"), 0);
    assertTrue(samples.get("jvm_memory_used_bytes{area=\"heap\"}") > 0);
  }

  @Test
  void lagIsZeroAndEveryPartitionCommittedWhatItGot() throws Exception {
    JsonNode throughput = get(known.url, "api/throughput", 200);
    assertEquals(0, throughput.get("totalLag").asLong());
    Map<Integer, Long> committed = new TreeMap<>();
    for (JsonNode partition : throughput.get("partitions")) {
      assertEquals(partition.get("logEnd").asLong(), partition.get("committed").asLong());
      assertEquals(0, partition.get("lag").asLong());
      committed.put(partition.get("partition").asInt(), partition.get("committed").asLong());
    }
    Map<Integer, Long> sent = new TreeMap<>(known.sentPerPartition);
    for (int partition = 0; partition < 3; partition++) {
      sent.putIfAbsent(partition, 0L);
    }
    assertEquals(sent, committed);
    assertTrue(throughput.get("kafkaUp").asBoolean());
  }

  @Test
  void badInputIsA400WithAOneLineReason() throws Exception {
    assertReason(
        "api/avg-duration?name=Nobody%20Here&from=2025-03-13&to=2025-03-14",
        "unknown person: nobody called 'Nobody Here' has rated anything");
    assertReason(
        "api/avg-duration?name=" + encode(OWNER) + "&from=yesterday&to=2025-03-14",
        "bad time for 'from': 'yesterday' is not a timestamp");
    assertReason(
        "api/avg-duration?name=" + encode(OWNER) + "&from=2025-03-14&to=2025-03-13",
        "the range is upside down");
    assertReason(
        "api/movies?name=" + encode(OWNER) + "&hour=25%20o%27clock",
        "bad hour: '25 o'clock' is not a timestamp");
    assertReason("api/movies?name=" + encode(OWNER), "missing parameter 'hour'");
    assertReason(
        "api/windows?windows=0", "'windows' must be a whole number from 1 to 120, not '0'");
    assertReason("api/trending?day=Tuesday", "'Tuesday' is not a day");
  }

  @Test
  void nodesAreTheOneKafkaAndTheOneCassandraNodeOfTheLocalStackBothUp() throws Exception {
    JsonNode nodes = get(known.url, "api/nodes", 200);
    for (int attempt = 0; attempt < 30 && !nodes.get("kafka").get("error").isNull(); attempt++) {
      Thread.sleep(1_000); // not sampled yet
      nodes = get(known.url, "api/nodes", 200);
    }
    JsonNode kafka = nodes.get("kafka");
    assertTrue(kafka.get("error").isNull(), kafka.toString());
    assertEquals(1, kafka.get("nodes").size(), kafka.toString());
    assertEquals("127.0.0.1:29092", kafka.get("nodes").get(0).get("address").asText());
    assertTrue(kafka.get("nodes").get(0).get("up").asBoolean());
    assertEquals(0, kafka.get("underReplicatedPartitions").asInt());
    assertEquals(0, kafka.get("offlinePartitions").asInt());
    JsonNode cassandra = nodes.get("cassandra");
    assertEquals(1, cassandra.size(), cassandra.toString());
    assertEquals("127.0.0.1", cassandra.get(0).get("address").asText());
    assertTrue(cassandra.get(0).get("up").asBoolean());
  }

  @Test
  void servicesThatAreDownAreA503AndShownInTheStatus() throws Exception {
    int nobodyListens = freePort();
    try (ViewServer down =
        ViewServer.start(known.viewOptions("127.0.0.1:" + nobodyListens, nobodyListens))) {
      String url = "http://127.0.0.1:" + down.port() + "/";
      JsonNode status = get(url, "api/status", 200);
      assertFalse(status.get("cassandraUp").asBoolean());
      assertTrue(
          status
              .get("cassandraError")
              .asText()
              .startsWith("cannot reach Cassandra at 127.0.0.1 (port " + nobodyListens + ")"));
      JsonNode people = get(url, "api/people", 503);
      assertTrue(people.get("error").asText().startsWith("cannot reach Cassandra"));
      assertFalse(people.get("error").asText().contains("\n"));
      awaitKafkaDown(url);
    }
  }

  @Test
  void aMissingKeyspaceIsNamedInTheStatus() throws Exception {
    try (ViewServer view =
        ViewServer.start(
            ViewOptions.parse(
                "--port=0", "--keyspace=no_such_keyspace", "--topic=" + known.topic))) {
      JsonNode status = get("http://127.0.0.1:" + view.port() + "/", "api/status", 200);
      assertFalse(status.get("cassandraUp").asBoolean());
      assertTrue(
          status.get("cassandraError").asText().contains("has no keyspace 'no_such_keyspace'"),
          status.toString());
    }
  }

  private static void awaitKafkaDown(String url) throws Exception {
    for (int attempt = 0; attempt < 30; attempt++) {
      JsonNode status = get(url, "api/status", 200);
      if (!status.get("kafkaUp").asBoolean()
          && status.get("kafkaError").asText().startsWith("Kafka at 127.0.0.1:")) {
        return;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError("the status never said Kafka is down");
  }

  private static void assertReason(String path, String reasonStart) throws Exception {
    String error = get(known.url, path, 400).get("error").asText();
    assertTrue(error.startsWith(reasonStart), error);
    assertFalse(error.contains("\n") || error.contains("Exception"), error);
  }

  static JsonNode get(String url, String path, int expectedStatus)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(expectedStatus, response.statusCode(), path + " -> " + response.body());
    return JSON.readTree(response.body());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> titles(JsonNode ranking) {
    List<String> titles = new ArrayList<>();
    ranking
        .get("titles")
        .forEach(t -> titles.add(t.get("title").asText() + " " + t.get("ratings").asLong()));
    return titles;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
