package org.moviestream.producer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatingJsonTest {

  @Test
  void writesExactlyTheFourFieldsWithAnIsoTimestampThatHasAnOffset() throws Exception {
    Instant at = Instant.parse("2025-03-13T19:26:50.863211Z");
    JsonNode json = new ObjectMapper().readTree(RatingJson.toJson(new Rating("Stelios Giagkos", "Crouching Tiger, Hidden Dragon", 7, at)));

    assertEquals(List.of("name", "movie", "rating", "timestamp"), iterable(json));
    assertEquals("Stelios Giagkos", json.get("name").asText());
    assertEquals("Crouching Tiger, Hidden Dragon", json.get("movie").asText());
    assertEquals(7, json.get("rating").intValue());
    assertEquals("2025-03-13T19:26:50.863211Z", json.get("timestamp").asText());
    assertEquals(at, OffsetDateTime.parse(json.get("timestamp").asText()).toInstant());
  }

  @Test
  void aRatingOutsideOneToTenCannotBeMade() {
    assertThrows(IllegalArgumentException.class, () -> new Rating("a", "b", 0, Instant.EPOCH));
    assertThrows(IllegalArgumentException.class, () -> new Rating("a", "b", 11, Instant.EPOCH));
  }

  private static List<String> iterable(JsonNode json) {
    List<String> names = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
