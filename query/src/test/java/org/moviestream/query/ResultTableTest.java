package org.moviestream.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  @Test
  void alignsColumnsToTheWidestCell() {
    String text =
        new ResultTable(List.of("name", "n"))
            .add(List.of("Stelios Giagkos", "10"))
            .add(List.of("Al", "7"))
            .render();
    assertEquals(
        "name            | n \n"
            + "----------------+---\n"
            + "Stelios Giagkos | 10\n"
            + "Al              | 7 \n"
            + "(2 rows)\n",
        text);
  }

  @Test
  void refusesARowOfTheWrongWidth() {
    assertThrows(
        IllegalArgumentException.class, () -> new ResultTable(List.of("a", "b")).add(List.of("1")));
  }
}
