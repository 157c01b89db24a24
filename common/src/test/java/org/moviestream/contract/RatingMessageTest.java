package org.moviestream.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatingMessageTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void writesExactlyTheFourFieldsWithAnIsoTimestampThatHasAnOffset() throws Exception {
    Instant at = Instant.parse("2025-03-13T19:26:50.863211Z");
    JsonNode json =
        MAPPER.readTree(
            new RatingMessage("Stelios Giagkos", "Crouching Tiger, Hidden Dragon", 7, at).toJson());

    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("name", "movie", "rating", "timestamp"), fields);
    assertEquals("Stelios Giagkos", json.get("name").asText());
    assertEquals("Crouching Tiger, Hidden Dragon", json.get("movie").asText());
    assertEquals(7, json.get("rating").intValue());
    assertEquals("2025-03-13T19:26:50.863211Z", json.get("timestamp").asText());
  }

  @Test
  void whatTheProducerWritesIsReadBackUnchanged() throws Exception {
    RatingMessage written =
        new RatingMessage("O'Neil", "Roma", 10, Instant.parse("2025-03-13T19:26:50.863211Z"));
    assertEquals(written, RatingMessage.parse(written.toJson(), UTC));
  }

  @Test
  void aRatingOutsideOneToTenCannotBeMade() {
    assertThrows(
        IllegalArgumentException.class, () -> new RatingMessage("a", "b", 0, Instant.EPOCH));
    assertThrows(
        IllegalArgumentException.class, () -> new RatingMessage("a", "b", 11, Instant.EPOCH));
  }

  @Test
  void namesAndTitlesAreStrippedAndARatingGivenAsTextIsAccepted() throws Exception {
    RatingMessage message =
        RatingMessage.parse(json(" A ", " Roma ", "6", "2025-03-13T19:26:50Z"), UTC);
    assertEquals("A", message.name());
    assertEquals("Roma", message.movie());
    assertEquals(6, message.rating());
  }

  @Test
  void aTimestampWithoutOffsetIsReadInTheInputZone() throws Exception {
    String seedStyle = json("A", "Roma", 5, "2025-03-13T19:26:50.863211");
    assertEquals(
        Instant.parse("2025-03-13T19:26:50.863211Z"),
        RatingMessage.parse(seedStyle, UTC).timestamp());
    assertEquals(
        Instant.parse("2025-03-13T17:26:50.863211Z"),
        RatingMessage.parse(seedStyle, ZoneId.of("Europe/Athens")).timestamp());
    assertEquals(
        Instant.parse("2025-03-13T17:26:50Z"),
        RatingMessage.parse(json("A", "Roma", 5, "2025-03-13T19:26:50+02:00"), UTC).timestamp());
  }

  @Test
  void eachKindOfBadInputHasItsReason() {
    assertReason(RejectReason.MALFORMED_JSON, "{not json");
    assertReason(RejectReason.MALFORMED_JSON, "[1, 2]");
    assertReason(RejectReason.MALFORMED_JSON, null);
    assertReason(
        RejectReason.MISSING_FIELD,
        "{\"movie\":\"Roma\",\"rating\":5,\"timestamp\":\"2025-03-13T19:26:50Z\"}");
    assertReason(RejectReason.MISSING_FIELD, json(" ", "Roma", 5, "2025-03-13T19:26:50Z"));
    assertReason(
        RejectReason.MISSING_FIELD,
        "{\"name\":\"A\",\"movie\":\"Roma\",\"timestamp\":\"2025-03-13T19:26:50Z\"}");
    assertReason(RejectReason.INVALID_RATING, json("A", "Roma", 7.5, "2025-03-13T19:26:50Z"));
    assertReason(RejectReason.INVALID_RATING, json("A", "Roma", "seven", "2025-03-13T19:26:50Z"));
    assertReason(RejectReason.RATING_OUT_OF_RANGE, json("A", "Roma", 0, "2025-03-13T19:26:50Z"));
    assertReason(RejectReason.RATING_OUT_OF_RANGE, json("A", "Roma", 11, "2025-03-13T19:26:50Z"));
    assertReason(RejectReason.BAD_TIMESTAMP, json("A", "Roma", 5, "yesterday"));
    assertReason(RejectReason.BAD_TIMESTAMP, json("A", "Roma", 5, "2025-13-45T99:00:00Z"));
  }

  @Test
  void eventTimeIsEmptyWhenThereIsNoReadableTimestamp() {
    assertEquals(
        Optional.of(Instant.parse("2025-03-13T19:26:50Z")),
        RatingMessage.eventTime(json("A", "Roma", 5, "2025-03-13T19:26:50Z"), UTC));
    assertEquals(Optional.empty(), RatingMessage.eventTime("{broken", UTC));
    assertEquals(Optional.empty(), RatingMessage.eventTime(json("A", "Roma", 5, "soon"), UTC));
  }

  /** A message with any JSON value as its rating (a number, a string, a fraction). */
  static String json(String name, String movie, Object rating, String timestamp) {
    var node =
        MAPPER.createObjectNode().put("name", name).put("movie", movie).put("timestamp", timestamp);
    node.set("rating", MAPPER.valueToTree(rating));
    return node.toString();
  }

  private static void assertReason(RejectReason expected, String payload) {
    InvalidRatingException rejected =
        assertThrows(InvalidRatingException.class, () -> RatingMessage.parse(payload, UTC));
    assertEquals(expected, rejected.reason(), payload);
    assertFalse(rejected.getMessage() == null || rejected.getMessage().isBlank());
  }

  @Test
  void aTimestampNoEventTimeCanBeIsABadTimestampNeverAnOverflow() {
    for (String odd :
        List.of(
            "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59-18:00",
            "1969-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z")) {
      InvalidRatingException e =
          assertThrows(
              InvalidRatingException.class,
              () -> RatingMessage.parse(json("A", "Roma", "5", odd), UTC),
              odd);
      assertEquals(RejectReason.BAD_TIMESTAMP, e.reason(), odd);
      assertEquals(Optional.empty(), RatingMessage.eventTime(json("A", "Roma", "5", odd), UTC));
    }
  }

  @Test
  void aRatingFurtherAheadThanTheAllowedSkewIsAFutureTimestamp() throws Exception {
    Instant now = Instant.parse("2026-12-01T12:00:00Z");
    RatingMessage.requireNotAhead(now.plusSeconds(300), now, java.time.Duration.ofSeconds(300));
    InvalidRatingException e =
        assertThrows(
            InvalidRatingException.class,
            () ->
                RatingMessage.requireNotAhead(
                    Instant.parse("2099-01-01T00:00:00Z"), now, java.time.Duration.ofSeconds(300)));
    assertEquals(RejectReason.FUTURE_TIMESTAMP, e.reason());
  }

  @Test
  void aFieldGivenTwiceIsMalformed() {
    InvalidRatingException e =
        assertThrows(
            InvalidRatingException.class,
            () ->
                RatingMessage.parse(
                    "{\"name\":\"A\",\"movie\":\"Roma\",\"rating\":5,\"rating\":9,\"timestamp\":\"2025-03-13T19:26:50Z\"}",
                    UTC));
    assertEquals(RejectReason.MALFORMED_JSON, e.reason());
  }

  @Test
  void aDetailQuotesAHugeValueOnlyInPart() {
    String huge = "x".repeat(600_000);
    InvalidRatingException e =
        assertThrows(
            InvalidRatingException.class,
            () -> RatingMessage.parse(json("A", "Roma", "5", huge), UTC));
    assertTrue(e.getMessage().length() < 300, e.getMessage());
    assertTrue(e.getMessage().contains("600000 characters"), e.getMessage());
  }
}
