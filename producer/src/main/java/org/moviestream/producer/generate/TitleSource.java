package org.moviestream.producer.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.moviestream.catalog.CatalogReader;

/** Where the producer's titles come from: the catalog, or a one-column titles file. */
public final class TitleSource {

  private TitleSource() {}

  /** The distinct titles of a catalog in the Kaggle netflix_titles.csv schema. */
  public static List<String> fromCatalog(Path catalog) {
    return CatalogReader.read(catalog).titles();
  }

  /**
   * The distinct titles of a one-column CSV such as the seed's movies.csv: the first column of each
   * row, with an optional header row named "title" or "movie".
   */
  public static List<String> fromTitlesFile(Path file) {
    Set<String> titles = new LinkedHashSet<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
      for (CSVRecord record : parser) {
        String title = record.get(0).strip();
        boolean header =
            record.getRecordNumber() == 1
                && (title.equalsIgnoreCase("title") || title.equalsIgnoreCase("movie"));
        if (!title.isEmpty() && !header) {
          titles.add(title);
        }
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("titles file not found: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read titles file " + file, e);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(
          "titles file " + file + " is not valid CSV: " + e.getCause().getMessage(), e);
    }
    if (titles.isEmpty()) {
      throw new IllegalArgumentException("titles file " + file + " holds no titles");
    }
    return new ArrayList<>(titles);
  }
}
