package org.moviestream.catalog;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One title of the Netflix catalog, with the facts a rating is enriched with.
 *
 * @param durationMinutes a movie's runtime; null for TV shows
 * @param seasons a TV show's season count; null for movies
 * @param contentRating the catalog's audience rating (TV-MA, PG-13, ...), not a person's score
 */
public record CatalogEntry(
    String showId,
    String type,
    String title,
    String director,
    String country,
    LocalDate dateAdded,
    Integer releaseYear,
    String contentRating,
    Integer durationMinutes,
    Integer seasons)
    implements Serializable {

  /**
   * The lookup key of a title: trimmed and case-folded, so "Dick Johnson Is Dead " finds its entry.
   */
  public static String key(String title) {
    return title.strip().toLowerCase(Locale.ROOT);
  }

  public String key() {
    return key(title);
  }
}
