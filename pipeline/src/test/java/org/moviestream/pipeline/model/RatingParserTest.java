package org.moviestream.pipeline.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.moviestream.pipeline.TestData.json;
import static org.moviestream.pipeline.TestData.message;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.Test;

public class RatingParserTest {

  private static final ZoneId UTC = ZoneOffset.UTC;

  @Test
  public void readsTheProducersMessage() throws Exception {
    Rating rating = RatingParser.parse(message(7, json("Stelios Giagkos", "Roma", 8, "2025-03-13T19:26:50.863211Z")), UTC);
    assertEquals("Stelios Giagkos", rating.name());
    assertEquals("Roma", rating.movie());
    assertEquals(8, rating.ratingMovie());
    assertEquals(Instant.parse("2025-03-13T19:26:50.863211Z"), rating.timestamp());
    assertEquals(7, rating.source().offset());
  }

  @Test
  public void aTimestampWithoutOffsetIsReadInTheInputZone() throws Exception {
    String seedStyle = json("A", "Roma", 5, "2025-03-13T19:26:50.863211");
    assertEquals(Instant.parse("2025-03-13T19:26:50.863211Z"), RatingParser.parse(message(1, seedStyle), UTC).timestamp());
    assertEquals(Instant.parse("2025-03-13T17:26:50.863211Z"),
        RatingParser.parse(message(1, seedStyle), ZoneId.of("Europe/Athens")).timestamp());
    assertEquals(Instant.parse("2025-03-13T17:26:50Z"),
        RatingParser.parse(message(1, json("A", "Roma", 5, "2025-03-13T19:26:50+02:00")), UTC).timestamp());
  }

  @Test
  public void aRatingGivenAsTextIsAccepted() throws Exception {
    assertEquals(6, RatingParser.parse(message(1, json("A", "Roma", "6", "2025-03-13T19:26:50Z")), UTC).ratingMovie());
  }

  @Test
  public void eachKindOfBadInputHasItsReason() {
    assertReason(RejectReason.MALFORMED_JSON, "{not json");
    assertReason(RejectReason.MALFORMED_JSON, "[1, 2]");
    assertReason(RejectReason.MALFORMED_JSON, null);
    assertReason(RejectReason.MISSING_FIELD, "{\"movie\":\"Roma\",\"rating\":5,\"timestamp\":\"2025-03-13T19:26:50Z\"}");
    assertReason(RejectReason.MISSING_FIELD, json(" ", "Roma", 5, "2025-03-13T19:26:50Z"));
    assertReason(RejectReason.MISSING_FIELD, "{\"name\":\"A\",\"movie\":\"Roma\",\"timestamp\":\"2025-03-13T19:26:50Z\"}");
    assertReason(RejectReason.INVALID_RATING, json("A", "Roma", 7.5, "2025-03-13T19:26:50Z"));
    assertReason(RejectReason.INVALID_RATING, json("A", "Roma", "seven", "2025-03-13T19:26:50Z"));
    assertReason(RejectReason.RATING_OUT_OF_RANGE, json("A", "Roma", 0, "2025-03-13T19:26:50Z"));
    assertReason(RejectReason.RATING_OUT_OF_RANGE, json("A", "Roma", 11, "2025-03-13T19:26:50Z"));
    assertReason(RejectReason.BAD_TIMESTAMP, json("A", "Roma", 5, "yesterday"));
    assertReason(RejectReason.BAD_TIMESTAMP, json("A", "Roma", 5, "2025-13-45T99:00:00Z"));
  }

  @Test
  public void eventTimeIsEmptyWhenThereIsNoReadableTimestamp() {
    assertEquals(Optional.of(Instant.parse("2025-03-13T19:26:50Z")),
        RatingParser.eventTime(json("A", "Roma", 5, "2025-03-13T19:26:50Z"), UTC));
    assertEquals(Optional.empty(), RatingParser.eventTime("{broken", UTC));
    assertEquals(Optional.empty(), RatingParser.eventTime(json("A", "Roma", 5, "soon"), UTC));
  }

  private static void assertReason(RejectReason expected, String payload) {
    RatingParser.RejectedException rejected =
        assertThrows(RatingParser.RejectedException.class, () -> RatingParser.parse(message(1, payload), UTC));
    assertEquals(payload, expected, rejected.reason());
    assertTrue(rejected.getMessage() != null && !rejected.getMessage().isBlank());
  }
}
