package org.moviestream.producer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a {@link Rating} as {"name", "movie", "rating", "timestamp" (ISO-8601, UTC "Z")}. */
public final class RatingJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RatingJson() {}

  public static String toJson(Rating rating) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", rating.name());
    node.put("movie", rating.movie());
    node.put("rating", rating.rating());
    node.put("timestamp", rating.timestamp().toString());
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a rating as JSON", e);
    }
  }
}
