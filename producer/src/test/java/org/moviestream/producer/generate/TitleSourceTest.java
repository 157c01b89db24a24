package org.moviestream.producer.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TitleSourceTest {

  @TempDir Path dir;

  @Test
  void theSampleCatalogGivesDistinctTitlesWithCommasAndAccents() {
    List<String> titles =
        TitleSource.fromCatalog(
            Path.of(System.getProperty("project.root", ".."), "data", "netflix.csv"));
    assertTrue(titles.contains("Crouching Tiger, Hidden Dragon"));
    assertTrue(titles.contains("Amélie"));
    assertTrue(titles.contains("\"Weird Al\" Yankovic: Live!"));
    assertEquals(titles.size(), titles.stream().distinct().count());
  }

  @Test
  void aOneColumnTitlesFileMayHaveAHeaderAndQuotedTitles() throws IOException {
    Path file = write("title\r\nRoma\r\n\"Crouching Tiger, Hidden Dragon\"\r\n\r\nRoma\r\n");
    assertEquals(
        List.of("Roma", "Crouching Tiger, Hidden Dragon"), TitleSource.fromTitlesFile(file));
  }

  @Test
  void anEmptyOrMissingTitlesFileIsAClearError() throws IOException {
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> TitleSource.fromTitlesFile(write("")));
    assertTrue(empty.getMessage().contains("holds no titles"));
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> TitleSource.fromTitlesFile(dir.resolve("nope.csv")));
    assertTrue(missing.getMessage().contains("not found"));
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "titles", ".csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
