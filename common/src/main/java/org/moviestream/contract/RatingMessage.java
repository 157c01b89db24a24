package org.moviestream.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The message on the ratings topic: {"name", "movie", "rating" 1-10, "timestamp" ISO-8601}. The
 * producer writes it with {@link #toJson()}; the pipeline and the benchmark's native job read it
 * with {@link #parse}, which says precisely why a payload is not one.
 */
public record RatingMessage(String name, String movie, int rating, Instant timestamp) {

  public static final String NAME = "name";
  public static final String MOVIE = "movie";
  public static final String RATING = "rating";
  public static final String TIMESTAMP = "timestamp";

  /**
   * A record header saying that the Kafka record's own timestamp is the rating's timestamp (to the
   * millisecond), so a reader can take the event time from it without parsing the payload.
   */
  public static final String TIMESTAMP_IS_RATING_TIME = "timestamp-is-rating-time";

  public static final int MIN_RATING = 1;
  public static final int MAX_RATING = 10;

  /** The earliest rating time: Kafka's record timestamps start here, and so do ours. */
  public static final Instant EARLIEST = Instant.EPOCH;

  /** The latest rating time: the last instant ISO-8601 writes with four year digits. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  /**
   * A field given twice is ambiguous (which rating counts?), so it is refused, not "last one wins".
   */
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public RatingMessage {
    if (rating < MIN_RATING || rating > MAX_RATING) {
      throw new IllegalArgumentException(
          "rating must be " + MIN_RATING + "-" + MAX_RATING + ", was " + rating);
    }
  }

  /** The message as it goes on the topic, the timestamp in UTC ("2025-03-13T19:26:50.863Z"). */
  public String toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put(NAME, name);
    node.put(MOVIE, movie);
    node.put(RATING, rating);
    node.put(TIMESTAMP, timestamp.toString());
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a rating as JSON", e);
    }
  }

  /**
   * Reads a payload: names and titles stripped, the rating a whole number (or a numeric string)
   * within 1-10, the timestamp ISO-8601 with an offset or, without one, read in {@code inputZone}.
   */
  public static RatingMessage parse(String payload, ZoneId inputZone)
      throws InvalidRatingException {
    JsonNode json = readObject(payload);
    String name = text(json, NAME);
    String movie = text(json, MOVIE);
    int rating = rating(json);
    Instant timestamp = timestamp(text(json, TIMESTAMP), inputZone);
    return new RatingMessage(name.strip(), movie.strip(), rating, timestamp);
  }

  /** The payload's timestamp, if it has a readable one: the event time of the message. */
  public static Optional<Instant> eventTime(String payload, ZoneId inputZone) {
    try {
      return Optional.of(timestamp(text(readObject(payload), TIMESTAMP), inputZone));
    } catch (InvalidRatingException e) {
      return Optional.empty();
    }
  }

  /**
   * Refuses a rating stamped more than {@code allowedSkew} after {@code now}: a client whose clock
   * is wrong. Its window would not close before its time comes, holding everything behind it.
   */
  public static void requireNotAhead(Instant timestamp, Instant now, Duration allowedSkew)
      throws InvalidRatingException {
    if (timestamp.isAfter(now.plus(allowedSkew))) {
      throw new InvalidRatingException(
          RejectReason.FUTURE_TIMESTAMP,
          "timestamp "
              + timestamp
              + " is more than "
              + allowedSkew.toSeconds()
              + " s ahead of the pipeline's clock ("
              + now
              + ")");
    }
  }

  /**
   * ISO-8601 with an offset (2025-03-13T19:26:50.863211Z) or without one, read in {@code zone};
   * within {@link #EARLIEST}-{@link #LATEST}.
   */
  static Instant timestamp(String text, ZoneId zone) throws InvalidRatingException {
    String iso = text.strip().replace(' ', 'T');
    Instant instant;
    try {
      instant = OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeException withoutOffset) {
      try {
        instant = LocalDateTime.parse(iso).atZone(zone).toInstant();
      } catch (DateTimeException | ArithmeticException e) {
        throw new InvalidRatingException(
            RejectReason.BAD_TIMESTAMP, "timestamp " + Excerpt.quote(text) + " is not ISO-8601");
      }
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new InvalidRatingException(
          RejectReason.BAD_TIMESTAMP,
          "timestamp " + Excerpt.quote(text) + " is outside " + EARLIEST + " to " + LATEST);
    }
    return instant;
  }

  private static JsonNode readObject(String payload) throws InvalidRatingException {
    if (payload == null) {
      throw new InvalidRatingException(
          RejectReason.MALFORMED_JSON, "empty message (a record without a value)");
    }
    if (payload.isBlank()) {
      throw new InvalidRatingException(RejectReason.MALFORMED_JSON, "empty message");
    }
    try {
      JsonNode json = MAPPER.readTree(payload);
      if (json == null || !json.isObject()) {
        throw new InvalidRatingException(RejectReason.MALFORMED_JSON, "not a JSON object");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new InvalidRatingException(
          RejectReason.MALFORMED_JSON, Excerpt.prefix(String.valueOf(e.getOriginalMessage()), 200));
    }
  }

  private static String text(JsonNode json, String field) throws InvalidRatingException {
    JsonNode value = json.get(field);
    if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
      throw new InvalidRatingException(
          RejectReason.MISSING_FIELD, "missing or empty field '" + field + "'");
    }
    return value.asText();
  }

  private static int rating(JsonNode json) throws InvalidRatingException {
    JsonNode value = json.get(RATING);
    if (value == null || value.isNull()) {
      throw new InvalidRatingException(
          RejectReason.MISSING_FIELD, "missing field '" + RATING + "'");
    }
    int rating;
    if (value.isIntegralNumber() && value.canConvertToInt()) {
      rating = value.intValue();
    } else if (value.isTextual() && value.asText().strip().matches("-?\\d{1,9}")) {
      rating = Integer.parseInt(value.asText().strip());
    } else {
      throw new InvalidRatingException(
          RejectReason.INVALID_RATING,
          "rating " + Excerpt.quote(value.toString()) + " is not a whole number");
    }
    if (rating < MIN_RATING || rating > MAX_RATING) {
      throw new InvalidRatingException(
          RejectReason.RATING_OUT_OF_RANGE,
          "rating " + rating + " is outside " + MIN_RATING + "-" + MAX_RATING);
    }
    return rating;
  }
}
