package org.moviestream.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever arrives on the topic gets a verdict: a rating or a reason, never another exception, and
 * its dead letter always fits the dead-letter topic and reads back.
 */
class OddPayloadPropertiesTest {

  /** Kafka's default limit on a record (broker message.max.bytes and producer max.request.size). */
  private static final int KAFKA_RECORD_LIMIT = 1_000_000;

  @Property(tries = 500)
  void anyTextIsARatingOrARejectWithAReason(@ForAll @StringLength(max = 300) String payload) {
    assertVerdict(payload);
  }

  @Property(tries = 500)
  void anyRatingLikeObjectIsARatingOrARejectWithAReason(@ForAll("ratingLike") String payload) {
    assertVerdict(payload);
  }

  @Property(tries = 50)
  void aDeadLetterOfAnyPayloadFitsTheTopicAndReadsBack(@ForAll("huge") String payload) {
    DeadLetterRecord record =
        DeadLetterRecord.of(
            RejectReason.MALFORMED_JSON,
            "detail " + payload,
            payload,
            new SourceKey("movies_ratings", 2, 7));
    String json = record.toJson();
    assertTrue(
        json.getBytes(StandardCharsets.UTF_8).length < KAFKA_RECORD_LIMIT / 5,
        "dead letter of " + json.length() + " chars");
    DeadLetterRecord read = DeadLetterRecord.fromJson(json);
    assertEquals(record, read);
    assertEquals(payload.getBytes(StandardCharsets.UTF_8).length, read.payloadBytes());
    assertTrue(payload.startsWith(read.payload()));
    assertEquals(read.payload().length() < payload.length(), read.truncated());
    assertTrue(read.detail().length() <= DeadLetterRecord.MAX_DETAIL_CHARS);
  }

  private static void assertVerdict(String payload) {
    try {
      RatingMessage rating = RatingMessage.parse(payload, ZoneOffset.UTC);
      assertTrue(
          rating.rating() >= RatingMessage.MIN_RATING
              && rating.rating() <= RatingMessage.MAX_RATING);
      assertTrue(
          !rating.timestamp().isBefore(RatingMessage.EARLIEST)
              && !rating.timestamp().isAfter(RatingMessage.LATEST));
      assertTrue(!rating.name().isBlank() && !rating.movie().isBlank());
    } catch (InvalidRatingException e) {
      assertTrue(
          e.getMessage().length() <= 400, "a detail of " + e.getMessage().length() + " chars");
    }
  }

  @Provide
  Arbitrary<String> ratingLike() {
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(20).map(OddPayloadPropertiesTest::quoted),
            Arbitraries.of(
                "null", "1e309", "-0", "[]", "{}", "true", "\"\\u0000\"", "\"\\ud800\""));
    Arbitrary<String> ratings =
        Arbitraries.oneOf(
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.of(
                "1e309",
                "5.0",
                "\"7\"",
                "\"07\"",
                "null",
                "9999999999999999999",
                "-1",
                "\" 3 \"",
                "[5]"));
    Arbitrary<String> timestamps =
        Arbitraries.oneOf(
            Arbitraries.longs()
                .between(-100_000_000_000_000L, 400_000_000_000_000L)
                .map(ms -> quoted(java.time.Instant.ofEpochMilli(ms).toString())),
            Arbitraries.of(
                "\"+999999999-12-31T23:59:59Z\"",
                "\"-999999999-01-01T00:00:00Z\"",
                "\"2099-01-01T00:00:00Z\"",
                "\"+999999999-12-31T23:59:59-18:00\"",
                "\"2025-02-30T00:00:00Z\"",
                "\"1969-12-31T23:59:59Z\"",
                "1e309",
                "0",
                "\"\""));
    Arbitrary<String> fields =
        Combinators.combine(names, names, ratings, timestamps)
            .as(
                (name, movie, rating, ts) ->
                    "\"name\":"
                        + name
                        + ",\"movie\":"
                        + movie
                        + ",\"rating\":"
                        + rating
                        + ",\"timestamp\":"
                        + ts);
    return Arbitraries.oneOf(
        fields.map(f -> "{" + f + "}"),
        fields.map(f -> "{" + f + ",\"rating\":3}"),
        fields.map(f -> "[" + f + "]"),
        fields.map(f -> "{" + f));
  }

  @Provide
  Arbitrary<String> huge() {
    Arbitrary<Character> odd =
        Arbitraries.of('\u0000', '\n', '"', '\\', '\u001f', '\ud83c', '\udfac', 'é', 'x');
    return Arbitraries.integers()
        .between(0, 300_000)
        .flatMap(
            length ->
                odd.list()
                    .ofSize(length)
                    .map(
                        chars -> {
                          StringBuilder text = new StringBuilder(length);
                          chars.forEach(text::append);
                          return text.toString();
                        }));
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
