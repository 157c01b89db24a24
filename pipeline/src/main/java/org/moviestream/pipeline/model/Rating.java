package org.moviestream.pipeline.model;

import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.pipeline.coders.ModelCoders;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A valid rating: a person scored a title 1-10 at an instant; {@code source} says where it was read. */
@DefaultCoder(ModelCoders.RatingCoder.class)
public record Rating(String name, String movie, int ratingMovie, Instant timestamp, SourceOffset source)
    implements Serializable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The rating as the producer's JSON message again: {name, movie, rating, timestamp}. */
  public String toJson() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("movie", movie);
    fields.put("rating", ratingMovie);
    fields.put("timestamp", timestamp.toString());
    try {
      return MAPPER.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a rating as JSON", e);
    }
  }
}
