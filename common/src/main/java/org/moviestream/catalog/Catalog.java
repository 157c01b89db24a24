package org.moviestream.catalog;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The titles of a catalog file, indexed by title key.
 *
 * <p>Duplicate titles: the first row in file order wins (in the Kaggle file, the lowest show id);
 * the later rows are counted in {@link #duplicates()} and not used.
 */
public final class Catalog implements Serializable {

  private final Map<String, CatalogEntry> byTitle;
  private final List<RejectedRow> rejected;
  private final int duplicates;

  Catalog(List<CatalogEntry> entries, List<RejectedRow> rejected) {
    Map<String, CatalogEntry> index = new LinkedHashMap<>();
    int duplicateCount = 0;
    for (CatalogEntry entry : entries) {
      if (index.putIfAbsent(entry.key(), entry) != null) {
        duplicateCount++;
      }
    }
    this.byTitle = Collections.unmodifiableMap(index);
    this.rejected = List.copyOf(rejected);
    this.duplicates = duplicateCount;
  }

  /** Title key -> entry, one entry per distinct title. */
  public Map<String, CatalogEntry> byTitle() {
    return byTitle;
  }

  public Optional<CatalogEntry> find(String title) {
    return Optional.ofNullable(byTitle.get(CatalogEntry.key(title)));
  }

  /** The distinct titles, in file order. */
  public List<String> titles() {
    return byTitle.values().stream().map(CatalogEntry::title).toList();
  }

  /** Rows that could not be read, each with its reason. */
  public List<RejectedRow> rejected() {
    return rejected;
  }

  /** Rows dropped because an earlier row has the same title. */
  public int duplicates() {
    return duplicates;
  }

  public int size() {
    return byTitle.size();
  }
}
