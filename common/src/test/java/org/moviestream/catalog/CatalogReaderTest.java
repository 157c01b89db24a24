package org.moviestream.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {

  private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
  private static final String HEADER =
      "show_id,type,title,director,cast,country,date_added,release_year,rating,duration,listed_in,description\r\n";

  @Test
  void readsTheSampleCatalogWithItsQuirks() {
    Catalog catalog = CatalogReader.read(ROOT.resolve("data/netflix.csv"));

    assertTrue(catalog.rejected().isEmpty(), catalog.rejected().toString());
    CatalogEntry roma = catalog.find("Roma").orElseThrow();
    assertEquals("s4", roma.showId());
    assertEquals("Alfonso Cuarón", roma.director());
    assertEquals(135, roma.durationMinutes());
    assertNull(roma.seasons());
    assertEquals(2018, roma.releaseYear());

    CatalogEntry crown = catalog.find("The Crown").orElseThrow();
    assertNull(crown.durationMinutes());
    assertEquals(4, crown.seasons());

    assertNull(catalog.find("Dark").orElseThrow().director());
    assertEquals(158, catalog.find("2012").orElseThrow().durationMinutes());
    assertTrue(catalog.find("Crouching Tiger, Hidden Dragon").isPresent());
    assertTrue(catalog.find("  amélie ").isPresent(), "lookup is trimmed and case-insensitive");
  }

  @Test
  void aDuplicateTitleKeepsTheFirstRow() {
    Catalog catalog = CatalogReader.read(ROOT.resolve("data/netflix.csv"));
    assertEquals("s3", catalog.find("The Irishman").orElseThrow().showId());
    assertEquals(1, catalog.duplicates());
  }

  @Test
  void aRuntimeInTheRatingColumnBecomesTheDuration() {
    CatalogEntry entry =
        CatalogReader.read(ROOT.resolve("data/netflix.csv")).find("Louis C.K. 2017").orElseThrow();
    assertEquals(74, entry.durationMinutes());
    assertNull(entry.contentRating());
    assertEquals(LocalDate.of(2017, 4, 4), entry.dateAdded());
  }

  @Test
  void bothDateFormsParse() {
    assertEquals(LocalDate.of(2021, 9, 25), CatalogReader.parseDate("2021-09-25"));
    assertEquals(LocalDate.of(2021, 9, 25), CatalogReader.parseDate("September 25, 2021"));
    assertThrows(IllegalArgumentException.class, () -> CatalogReader.parseDate("25/09/2021"));
  }

  @Test
  void badRowsAreRejectedWithLineAndReasonWhileTheRestLoads() throws IOException {
    String csv =
        HEADER
            + "s1,Movie,Good,,,,2021-09-25,2020,PG,90 min,,\r\n"
            + "s2,Movie,,,,,,2020,PG,90 min,,\r\n"
            + "s3,Movie,Bad Year,,,,,twenty,PG,90 min,,\r\n"
            + "s4,Movie,Short Row\r\n"
            + "s5,Movie,Bad Duration,,,,,2020,PG,ninety,,\r\n";

    Catalog catalog = CatalogReader.read(new StringReader(csv), "test.csv");

    assertEquals(1, catalog.size());
    assertEquals(4, catalog.rejected().size());
    assertEquals("empty title", catalog.rejected().get(0).reason());
    assertTrue(catalog.rejected().get(1).reason().contains("release_year 'twenty'"));
    assertTrue(catalog.rejected().get(2).reason().contains("expected 12 fields, found 3"));
    assertTrue(catalog.rejected().get(3).reason().contains("duration 'ninety'"));
    assertEquals(4, catalog.rejected().get(1).line());
  }

  @Test
  void aCatalogWithoutTitlesIsAClearError() {
    IllegalArgumentException noColumn =
        assertThrows(
            IllegalArgumentException.class,
            () -> CatalogReader.read(new StringReader("a,b\r\n1,2\r\n"), "x.csv"));
    assertTrue(noColumn.getMessage().contains("no 'title' column"));
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () -> CatalogReader.read(new StringReader(""), "x.csv"));
    assertTrue(empty.getMessage().contains("empty"));
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> CatalogReader.read(Path.of("/no/such.csv")));
    assertTrue(missing.getMessage().contains("not found"));
  }

  @Test
  void readsAllOfTheRealCatalog() {
    Path real = ROOT.resolve("../shared/data/netflix_titles.csv");
    assumeTrue(Files.isRegularFile(real), "skipped: the real catalog " + real + " is absent");

    Catalog catalog = CatalogReader.read(real);

    assertTrue(catalog.rejected().isEmpty(), catalog.rejected().toString());
    assertEquals(8807, catalog.size() + catalog.duplicates());
    for (String showId : new String[] {"s5542", "s5795", "s5814"}) {
      CatalogEntry entry =
          catalog.byTitle().values().stream()
              .filter(e -> showId.equals(e.showId()))
              .findFirst()
              .orElseThrow();
      assertTrue(
          entry.durationMinutes() != null && entry.durationMinutes() > 0,
          showId + " has its runtime");
      assertNull(entry.contentRating(), showId);
    }
    assertTrue(catalog.find("2012").isPresent());
    assertTrue(catalog.find("1994").isPresent());
    assertTrue(
        catalog.byTitle().values().stream().anyMatch(e -> e.seasons() != null && e.seasons() > 1));
  }
}
