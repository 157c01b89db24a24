package org.moviestream.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads the times people type into a question: with or without offset (then UTC), a date, or an
 * hour.
 */
public final class TimeArguments {

  private TimeArguments() {}

  /**
   * 2025-03-13T19:26:50Z, 2025-03-13T19:26:50+02:00, 2025-03-13 19:26:50 (UTC), 2025-03-13T19 (the
   * hour) or 2025-03-13 (midnight UTC).
   *
   * @throws IllegalArgumentException naming the text and the forms it may take
   */
  public static Instant instant(String text) {
    String iso = text == null ? "" : text.strip().replace(' ', 'T');
    try {
      if (iso.length() == 10) {
        return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (iso.length() == 13) {
        return LocalDateTime.parse(iso + ":00").toInstant(ZoneOffset.UTC);
      }
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException noOffset) {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a timestamp (e.g. 2025-03-13T19:26:50Z, 2025-03-13 19:26, 2025-03-13)");
    }
  }

  /** An hour such as 2025-03-13T19: its first instant. */
  public static Instant hour(String text) {
    return instant(text).truncatedTo(ChronoUnit.HOURS);
  }
}
