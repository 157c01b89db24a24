package org.moviestream.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.contract.SourceKey;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.ingest.KafkaMessage;
import org.moviestream.pipeline.ingest.Rating;

/** Small builders for test elements. */
public final class TestData {

  public static final CatalogEntry ROMA =
      new CatalogEntry(
          "s4",
          "Movie",
          "Roma",
          "Alfonso Cuarón",
          "Mexico",
          LocalDate.of(2018, 12, 14),
          2018,
          "R",
          135,
          null);
  public static final CatalogEntry OKJA =
      new CatalogEntry(
          "s5",
          "Movie",
          "Okja",
          "Bong Joon Ho",
          "South Korea",
          LocalDate.of(2017, 6, 28),
          2017,
          "TV-MA",
          121,
          null);
  public static final CatalogEntry DARK =
      new CatalogEntry(
          "s19",
          "TV Show",
          "Dark",
          null,
          "Germany",
          LocalDate.of(2020, 6, 27),
          2020,
          "TV-MA",
          null,
          3);

  private TestData() {}

  public static KafkaMessage message(long offset, String payload) {
    return new KafkaMessage(new SourceKey("movies_ratings", 0, offset), "key", payload);
  }

  /**
   * Messages as ReadRatings emits them: each stamped with its rating's time, or the earliest
   * timestamp when it has none.
   */
  public static org.apache.beam.sdk.transforms.Create.TimestampedValues<KafkaMessage> stamped(
      KafkaMessage... messages) {
    return org.apache.beam.sdk.transforms.Create.timestamped(
        java.util.Arrays.stream(messages)
            .map(
                m ->
                    org.apache.beam.sdk.values.TimestampedValue.of(
                        m,
                        org.moviestream.contract.RatingMessage.eventTime(
                                m.payload(), java.time.ZoneOffset.UTC)
                            .map(t -> new org.joda.time.Instant(t.toEpochMilli()))
                            .orElse(
                                org.apache.beam.sdk.transforms.windowing.BoundedWindow
                                    .TIMESTAMP_MIN_VALUE)))
            .toList());
  }

  public static String json(String name, String movie, Object rating, String timestamp) {
    String ratingJson = rating instanceof String text ? "\"" + text + "\"" : String.valueOf(rating);
    return "{\"name\":\""
        + name
        + "\",\"movie\":\""
        + movie
        + "\",\"rating\":"
        + ratingJson
        + ",\"timestamp\":\""
        + timestamp
        + "\"}";
  }

  public static Rating rating(String name, String movie, int score, String timestamp, long offset) {
    return new Rating(
        name,
        movie,
        score,
        Instant.parse(timestamp),
        new SourceKey("movies_ratings", 0, offset),
        json(name, movie, score, timestamp));
  }

  public static EnrichedRating enriched(
      String name, CatalogEntry title, int score, String timestamp, long offset) {
    return new EnrichedRating(rating(name, title.title(), score, timestamp, offset), title);
  }
}
