package org.moviestream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeArgumentsTest {

  @Test
  void readsTheFormsPeopleType() {
    assertEquals(
        Instant.parse("2025-03-13T19:26:50Z"), TimeArguments.instant("2025-03-13T19:26:50Z"));
    assertEquals(
        Instant.parse("2025-03-13T17:26:50Z"), TimeArguments.instant("2025-03-13T19:26:50+02:00"));
    assertEquals(Instant.parse("2025-03-13T19:26:00Z"), TimeArguments.instant("2025-03-13 19:26"));
    assertEquals(Instant.parse("2025-03-13T00:00:00Z"), TimeArguments.instant("2025-03-13"));
    assertEquals(Instant.parse("2025-03-13T19:00:00Z"), TimeArguments.instant("2025-03-13T19"));
  }

  @Test
  void anHourStartsAtItsFirstInstant() {
    assertEquals(Instant.parse("2025-03-13T19:00:00Z"), TimeArguments.hour("2025-03-13T19"));
    assertEquals(Instant.parse("2025-03-13T19:00:00Z"), TimeArguments.hour("2025-03-13T19:45:10Z"));
  }

  @Test
  void somethingElseIsAClearError() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> TimeArguments.instant("yesterday"));
    assertEquals(true, error.getMessage().contains("'yesterday' is not a timestamp"));
  }
}
