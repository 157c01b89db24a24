package org.moviestream.pipeline.model;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;

public class DeadLetterTest {

  @Test
  public void theJsonCarriesReasonPayloadAndSource() throws Exception {
    DeadLetter deadLetter = new DeadLetter(RejectReason.RATING_OUT_OF_RANGE, "rating 11 is outside 1-10",
        "{\"rating\":11}", new SourceOffset("movies_ratings", 1, 99));

    JsonNode json = new ObjectMapper().readTree(deadLetter.toJson());

    assertEquals("RATING_OUT_OF_RANGE", json.get("reason").asText());
    assertEquals("rating 11 is outside 1-10", json.get("detail").asText());
    assertEquals("{\"rating\":11}", json.get("payload").asText());
    assertEquals("movies_ratings", json.get("topic").asText());
    assertEquals(1, json.get("partition").asInt());
    assertEquals(99, json.get("offset").asLong());
  }
}
