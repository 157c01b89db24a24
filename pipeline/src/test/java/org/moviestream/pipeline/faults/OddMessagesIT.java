package org.moviestream.pipeline.faults;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.moviestream.pipeline.faults.FaultToleranceIT.awaitComplete;
import static org.moviestream.pipeline.faults.FaultToleranceIT.stopWithSigterm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.BeforeClass;
import org.junit.Test;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.contract.RatingMessage;
import org.moviestream.testing.PipelineProcess;

/**
 * Whatever arrives on the topic, every message gets its verdict and the stream goes on: odd
 * messages of every kind, sent mid-stream between valid ratings to the pipeline jar running as its
 * own process, each become a row or a dead letter with its reason; the windows add up per person,
 * the committed offsets reach the log end, and the process is alive.
 */
public class OddMessagesIT {

  private static final int WAVE = 3_000;

  @BeforeClass
  public static void theJarIsBuilt() {
    PipelineJar.requireBuilt();
  }

  @Test
  public void everyOddMessageIsARowOrADeadLetterAndTheStreamGoesOn() throws Exception {
    // This topic allows what Kafka's defaults refuse, so that they reach the pipeline: 5 MB
    // records,
    // and record timestamps more than an hour ahead (a client whose clock is wrong, on an older
    // broker).
    try (FaultRun run =
            new FaultRun(
                PipelineJar.ROOT,
                "odd",
                Map.of(
                    "max.message.bytes",
                    String.valueOf(6 << 20),
                    "message.timestamp.after.max.ms",
                    String.valueOf(Long.MAX_VALUE)));
        CommitWatch watch = CommitWatch.on(run);
        PipelineProcess pipeline = PipelineJar.start("odd", run.pipelineArgs())) {
      run.sendBacklog(WAVE);
      FaultToleranceIT.await("the first wave is written", () -> run.rows() >= WAVE, pipeline);

      Map<String, String> expected = new LinkedHashMap<>(); // dead-letter key -> reason
      String now = Instant.now().toString();
      String title = "Roma";
      odd(run, expected, "Person 1", rating("Person 1", "X".repeat(600_000), now), "UNKNOWN_TITLE");
      odd(
          run,
          expected,
          "Person 1",
          rating("Person 1", title, "+999999999-12-31T23:59:59Z"),
          "BAD_TIMESTAMP");
      odd(
          run,
          expected,
          "Person 1",
          rating("Person 1", title, "2099-01-01T00:00:00Z"),
          "FUTURE_TIMESTAMP");
      expected.put(
          run.sendOdd(
              "Person 2",
              rating("Person 2", title, "2099-01-01T00:00:00Z").getBytes(StandardCharsets.UTF_8),
              Instant.parse("2099-01-01T00:00:00Z").toEpochMilli(),
              true,
              "FUTURE_TIMESTAMP"),
          "FUTURE_TIMESTAMP");
      expected.put(
          run.sendOdd(
              "Person 2",
              rating("Person 2", title, "+10000-01-01T00:00:00Z").getBytes(StandardCharsets.UTF_8),
              253_402_300_800_000L,
              true,
              "BAD_TIMESTAMP"),
          "BAD_TIMESTAMP");
      expected.put(
          run.sendOdd(
              "Person 2",
              rating("Person 2", title, now).getBytes(StandardCharsets.UTF_8),
              Instant.parse(now).minusSeconds(3600).toEpochMilli(),
              true,
              "BAD_TIMESTAMP"),
          "BAD_TIMESTAMP");
      expected.put(
          run.sendOdd(
              "Person 3",
              new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, 0x28, '{'},
              null,
              false,
              "MALFORMED_JSON"),
          "MALFORMED_JSON");
      odd(run, expected, "Person 3", "[".repeat(100_000) + "]".repeat(100_000), "MALFORMED_JSON");
      odd(
          run,
          expected,
          "Person 3",
          "{\"name\":\"Person 3\",\"movie\":\"Roma\",\"rating\":1e309,\"timestamp\":\""
              + now
              + "\"}",
          "INVALID_RATING");
      odd(
          run,
          expected,
          "Person 3",
          "{\"name\":\"Person 3\",\"movie\":\"Roma\",\"rating\":4,\"rating\":9,\"timestamp\":\""
              + now
              + "\"}",
          "MALFORMED_JSON");
      expected.put(run.sendOdd(null, null, null, false, "MALFORMED_JSON"), "MALFORMED_JSON");
      odd(run, expected, "Person 4", "", "MALFORMED_JSON");
      odd(
          run,
          expected,
          "Person 4",
          rating("Person 4", "Y".repeat(5_000_000), now),
          "UNKNOWN_TITLE");
      // Odd but valid: rows. A NUL in a name, no key, a clock a minute ahead (within the allowed
      // skew), and a rating two hours late, long after its window closed.
      Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
      odd(run, expected, "Nul", rating("Nul\u0000Person", title, now), null);
      odd(run, expected, null, rating("Person 5", title, now), null);
      odd(
          run,
          expected,
          "Person 6",
          rating("Person 6", title, Instant.now().plusSeconds(60).toString()),
          null);
      odd(run, expected, "Person 7", rating("Person 7", title, twoHoursAgo.toString()), null);

      run.sendLive(WAVE);
      awaitComplete(run, pipeline);
      assertTrue("the process is alive", pipeline.isAlive());
      // Its window row counts it: written again by the tracker (a "counted again for late
      // ratings" progress line) when Beam dropped the rating as late, or by a pane of its own when
      // the SparkRunner's watermark had not yet reached the grouping (it moves a batch behind).
      assertEquals(
          "the two-hour-late rating's window counts it\n" + FaultToleranceIT.tail(pipeline),
          1L,
          run.resources()
              .count(
                  "SELECT ratings FROM "
                      + run.keyspace
                      + ".ratings_per_window WHERE name = ? AND window_start = ?",
                  "Person 7",
                  Instant.ofEpochMilli(
                      Math.floorDiv(twoHoursAgo.toEpochMilli(), 30_000) * 30_000)));

      Map<String, DeadLetterRecord> deadLetters = run.deadLetters();
      expected.forEach(
          (key, reason) -> {
            DeadLetterRecord letter = deadLetters.get(key);
            assertTrue("no dead letter for " + key + " (" + reason + ")", letter != null);
            assertEquals(key, reason, letter.reason().name());
            assertTrue(key + ": a dead letter fits the topic", letter.toJson().length() < 200_000);
          });
      DeadLetterRecord huge =
          deadLetters.values().stream()
              .filter(letter -> letter.payloadBytes() > 5_000_000)
              .findFirst()
              .orElseThrow();
      assertTrue("the 5 MB message's dead letter keeps only its beginning", huge.truncated());
      assertEquals(64, huge.payloadSha256().length());
      System.out.printf(
          "[odd] %d odd messages: %s; the 5 MB one's dead letter is %,d bytes%n",
          expected.size(),
          deadLetters.values().stream().map(l -> l.reason().name()).sorted().toList(),
          huge.toJson().length());
      stopWithSigterm(pipeline);
      FaultToleranceIT.assertNoPrematureCommit(watch);
    }
  }

  /** Sends {@code payload}; a null {@code reason} means it must become a row. */
  private static void odd(
      FaultRun run, Map<String, String> expected, String key, String payload, String reason)
      throws Exception {
    String sent = run.sendOdd(key, payload.getBytes(StandardCharsets.UTF_8), null, false, reason);
    if (reason != null) {
      expected.put(sent, reason);
    }
  }

  private static String rating(String name, String movie, String timestamp) {
    return "{\""
        + RatingMessage.NAME
        + "\":\""
        + name.replace("\u0000", "\\u0000")
        + "\",\""
        + RatingMessage.MOVIE
        + "\":\""
        + movie
        + "\",\""
        + RatingMessage.RATING
        + "\":7,\""
        + RatingMessage.TIMESTAMP
        + "\":\""
        + timestamp
        + "\"}";
  }
}
