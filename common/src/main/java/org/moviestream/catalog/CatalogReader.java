package org.moviestream.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a catalog in the Kaggle {@code netflix_titles.csv} schema with Commons CSV.
 *
 * <p>Only the {@code title} column is required. A row that cannot be read is rejected with its line
 * and reason (see {@link Catalog#rejected()}); the rest of the file still loads.
 */
public final class CatalogReader {

  private static final Pattern MINUTES = Pattern.compile("(\\d+)\\s*min", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEASONS =
      Pattern.compile("(\\d+)\\s*Seasons?", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .get();

  private CatalogReader() {}

  /**
   * Reads a catalog file; a missing, empty or title-less file is an {@link
   * IllegalArgumentException}.
   */
  public static Catalog read(Path path) {
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(reader, path.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("catalog not found: " + path, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog " + path, e);
    }
  }

  /** Reads a catalog from {@code reader}; {@code source} names it in error messages. */
  public static Catalog read(Reader reader, String source) throws IOException {
    List<CatalogEntry> entries = new ArrayList<>();
    List<RejectedRow> rejected = new ArrayList<>();
    try (CSVParser parser = FORMAT.parse(skipByteOrderMark(reader))) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw new IllegalArgumentException("catalog " + source + " is empty");
      }
      if (!header.contains("title")) {
        throw new IllegalArgumentException(
            "catalog " + source + " has no 'title' column (its header is " + header + ")");
      }
      for (CSVRecord record : parser) {
        try {
          entries.add(toEntry(record));
        } catch (IllegalArgumentException e) {
          rejected.add(new RejectedRow(record.getParser().getCurrentLineNumber(), e.getMessage()));
        }
      }
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(
          "catalog " + source + " is not valid CSV: " + e.getCause().getMessage(), e);
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(
          "catalog "
              + source
              + " has no readable titles"
              + (rejected.isEmpty() ? "" : ": " + rejected.get(0)));
    }
    return new Catalog(entries, rejected);
  }

  static CatalogEntry toEntry(CSVRecord record) {
    if (!record.isConsistent()) {
      throw new IllegalArgumentException(
          "expected "
              + record.getParser().getHeaderNames().size()
              + " fields, found "
              + record.size());
    }
    String title = field(record, "title");
    if (title == null) {
      throw new IllegalArgumentException("empty title");
    }
    String contentRating = field(record, "rating");
    String duration = field(record, "duration");
    // Three Kaggle rows (s5542, s5795, s5814) carry the runtime in the rating column.
    if (duration == null && contentRating != null && MINUTES.matcher(contentRating).matches()) {
      duration = contentRating;
      contentRating = null;
    }
    return new CatalogEntry(
        field(record, "show_id"),
        field(record, "type"),
        title.strip(),
        field(record, "director"),
        field(record, "country"),
        parseDate(field(record, "date_added")),
        parseYear(field(record, "release_year")),
        contentRating,
        parseNumber(MINUTES, duration),
        parseNumber(SEASONS, duration));
  }

  /** A column's value, or null when the column is absent or the value blank. */
  private static String field(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return null;
    }
    String value = record.get(column).strip();
    return value.isEmpty() ? null : value;
  }

  /** Accepts ISO dates (2021-09-25) and the original Kaggle form ("September 25, 2021"). */
  static LocalDate parseDate(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Character.isDigit(text.charAt(0))
          ? LocalDate.parse(text)
          : LocalDate.parse(text, LONG_DATE);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "date_added '" + text + "' is neither 2021-09-25 nor September 25, 2021");
    }
  }

  private static Integer parseYear(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("release_year '" + text + "' is not a year");
    }
  }

  /** "90 min" -> 90 with MINUTES, "2 Seasons" -> 2 with SEASONS; null when it is the other kind. */
  private static Integer parseNumber(Pattern pattern, String duration) {
    if (duration == null) {
      return null;
    }
    Matcher matcher = pattern.matcher(duration);
    if (matcher.matches()) {
      return Integer.valueOf(matcher.group(1));
    }
    if (!MINUTES.matcher(duration).matches() && !SEASONS.matcher(duration).matches()) {
      throw new IllegalArgumentException(
          "duration '" + duration + "' is neither 'N min' nor 'N Seasons'");
    }
    return null;
  }

  private static Reader skipByteOrderMark(Reader reader) throws IOException {
    BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    buffered.mark(1);
    if (buffered.read() != '\uFEFF') {
      buffered.reset();
    }
    return buffered;
  }
}
