package org.moviestream.pipeline.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the JSON {"name", "movie", "rating" 1-10, "timestamp" ISO-8601} into a {@link Rating}, or
 * says precisely why it cannot.
 */
public final class RatingParser {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RatingParser() {}

  /** Why a payload is not a valid rating. */
  public static final class RejectedException extends Exception {
    private final RejectReason reason;

    RejectedException(RejectReason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    public RejectReason reason() {
      return reason;
    }
  }

  public static Rating parse(KafkaMessage message, ZoneId inputZone) throws RejectedException {
    JsonNode json = readObject(message.payload());
    String name = text(json, "name");
    String movie = text(json, "movie");
    int rating = rating(json);
    Instant timestamp = timestamp(text(json, "timestamp"), inputZone);
    return new Rating(name.strip(), movie.strip(), rating, timestamp, message.source(), message.payload());
  }

  /** The payload's timestamp, if it has a readable one: the event time of the message. */
  public static Optional<Instant> eventTime(String payload, ZoneId inputZone) {
    try {
      return Optional.of(timestamp(text(readObject(payload), "timestamp"), inputZone));
    } catch (RejectedException e) {
      return Optional.empty();
    }
  }

  /** ISO-8601 with an offset (2025-03-13T19:26:50.863211Z) or without one, read in {@code zone}. */
  static Instant timestamp(String text, ZoneId zone) throws RejectedException {
    String iso = text.strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(iso).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new RejectedException(RejectReason.BAD_TIMESTAMP, "timestamp '" + text + "' is not ISO-8601");
      }
    }
  }

  private static JsonNode readObject(String payload) throws RejectedException {
    if (payload == null) {
      throw new RejectedException(RejectReason.MALFORMED_JSON, "empty message");
    }
    try {
      JsonNode json = MAPPER.readTree(payload);
      if (json == null || !json.isObject()) {
        throw new RejectedException(RejectReason.MALFORMED_JSON, "not a JSON object");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new RejectedException(RejectReason.MALFORMED_JSON, e.getOriginalMessage());
    }
  }

  private static String text(JsonNode json, String field) throws RejectedException {
    JsonNode value = json.get(field);
    if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
      throw new RejectedException(RejectReason.MISSING_FIELD, "missing or empty field '" + field + "'");
    }
    return value.asText();
  }

  private static int rating(JsonNode json) throws RejectedException {
    JsonNode value = json.get("rating");
    if (value == null || value.isNull()) {
      throw new RejectedException(RejectReason.MISSING_FIELD, "missing field 'rating'");
    }
    int rating;
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      rating = value.intValue();
    } else if (value.isTextual() && value.asText().strip().matches("-?\\d{1,9}")) {
      rating = Integer.parseInt(value.asText().strip());
    } else {
      throw new RejectedException(RejectReason.INVALID_RATING, "rating " + value + " is not a whole number");
    }
    if (rating < 1 || rating > 10) {
      throw new RejectedException(RejectReason.RATING_OUT_OF_RANGE, "rating " + rating + " is outside 1-10");
    }
    return rating;
  }
}
